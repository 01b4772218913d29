//! A tantivy directory that fails writes on demand, as a full disk or a
//! read-only file system would (tests run as root, so permissions cannot).

use std::io::{self, Write};
use std::path::Path;
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, AtomicU64, Ordering};

use tantivy::directory::error::{DeleteError, LockError, OpenReadError, OpenWriteError};
use tantivy::directory::{
    AntiCallToken, Directory, DirectoryLock, FileHandle, Lock, MmapDirectory, TerminatingWrite,
    WatchCallback, WatchHandle, WritePtr,
};

/// An index folder whose writes fail once a byte budget is spent (a full
/// disk: `No space left on device`), or all at once when read-only. Reads,
/// deletes and locks behave as on the real folder.
#[derive(Clone, Debug)]
pub struct FailingDirectory {
    inner: MmapDirectory,
    bytes_left: Arc<AtomicU64>,
    read_only: Arc<AtomicBool>,
}

impl FailingDirectory {
    /// Opens the folder `dir` with an unlimited budget.
    pub fn open(dir: &Path) -> FailingDirectory {
        FailingDirectory {
            inner: MmapDirectory::open(dir).expect("an index folder"),
            bytes_left: Arc::new(AtomicU64::new(u64::MAX)),
            read_only: Arc::new(AtomicBool::new(false)),
        }
    }

    /// Lets only `bytes` more bytes be written; every write after that fails.
    pub fn fill_after(&self, bytes: u64) {
        self.bytes_left.store(bytes, Ordering::SeqCst);
    }

    /// Makes every write, delete and lock fail, as on a read-only file system.
    pub fn make_read_only(&self) {
        self.read_only.store(true, Ordering::SeqCst);
    }

    fn check_writable(&self) -> io::Result<()> {
        if self.read_only.load(Ordering::SeqCst) {
            return Err(io::Error::new(
                io::ErrorKind::ReadOnlyFilesystem,
                "read-only file system (simulated)",
            ));
        }
        Ok(())
    }
}

/// Takes `len` bytes from `budget`, or fails as a full disk does.
fn spend(budget: &AtomicU64, len: usize) -> io::Result<()> {
    let len = len as u64;
    budget
        .fetch_update(Ordering::SeqCst, Ordering::SeqCst, |left| {
            left.checked_sub(len)
        })
        .map(|_| ())
        .map_err(|_| {
            budget.store(0, Ordering::SeqCst);
            io::Error::new(
                io::ErrorKind::StorageFull,
                "no space left on device (simulated)",
            )
        })
}

/// A file being written through a [`FailingDirectory`].
struct FailingWriter {
    inner: Box<dyn TerminatingWrite + Send + Sync>,
    bytes_left: Arc<AtomicU64>,
}

impl Write for FailingWriter {
    fn write(&mut self, buf: &[u8]) -> io::Result<usize> {
        spend(&self.bytes_left, buf.len())?;
        self.inner.write(buf)
    }

    fn flush(&mut self) -> io::Result<()> {
        self.inner.flush()
    }
}

impl TerminatingWrite for FailingWriter {
    fn terminate_ref(&mut self, token: AntiCallToken) -> io::Result<()> {
        self.inner.terminate_ref(token)
    }
}

impl Directory for FailingDirectory {
    fn get_file_handle(&self, path: &Path) -> Result<Arc<dyn FileHandle>, OpenReadError> {
        self.inner.get_file_handle(path)
    }

    fn delete(&self, path: &Path) -> Result<(), DeleteError> {
        self.check_writable().map_err(|err| DeleteError::IoError {
            io_error: Arc::new(err),
            filepath: path.to_path_buf(),
        })?;
        self.inner.delete(path)
    }

    fn exists(&self, path: &Path) -> Result<bool, OpenReadError> {
        self.inner.exists(path)
    }

    fn open_write(&self, path: &Path) -> Result<WritePtr, OpenWriteError> {
        self.check_writable()
            .map_err(|err| OpenWriteError::wrap_io_error(err, path.to_path_buf()))?;
        let inner =
            self.inner.open_write(path)?.into_inner().map_err(|err| {
                OpenWriteError::wrap_io_error(err.into_error(), path.to_path_buf())
            })?;
        Ok(io::BufWriter::new(Box::new(FailingWriter {
            inner,
            bytes_left: Arc::clone(&self.bytes_left),
        })))
    }

    fn atomic_read(&self, path: &Path) -> Result<Vec<u8>, OpenReadError> {
        self.inner.atomic_read(path)
    }

    fn atomic_write(&self, path: &Path, data: &[u8]) -> io::Result<()> {
        self.check_writable()?;
        spend(&self.bytes_left, data.len())?;
        self.inner.atomic_write(path, data)
    }

    fn sync_directory(&self) -> io::Result<()> {
        self.inner.sync_directory()
    }

    fn acquire_lock(&self, lock: &Lock) -> Result<DirectoryLock, LockError> {
        self.check_writable().map_err(LockError::wrap_io_error)?;
        self.inner.acquire_lock(lock)
    }

    fn watch(&self, watch_callback: WatchCallback) -> tantivy::Result<WatchHandle> {
        self.inner.watch(watch_callback)
    }
}
