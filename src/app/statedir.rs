//! The private folder a presenter and `tipline notes` share on one
//! machine: the presenter's state goes out through it, the console's
//! commands to the room come back through it. Only this user may enter
//! it, files in it are 0600, and every file is written and read through
//! one checked handle on the folder, never by following a link.

use std::path::{Path, PathBuf};
use std::time::SystemTime;

/// Where a presenting instance publishes its state for `tipline notes`:
/// one file per process, so several presenters on one machine don't cross,
/// in a folder of this user's own. On Unix `$XDG_RUNTIME_DIR/tipline`, else
/// `tipline-UID` in the temporary folder; on Windows `tipline\presenting`
/// in the user's local application data (`%LOCALAPPDATA%`, in the user's
/// profile, whose access list admits the user, the system and
/// administrators only). Never a folder shared by users: another user could
/// read the notes, plant states or commands, or plant links.
pub fn state_dir() -> Result<PathBuf, String> {
    #[cfg(unix)]
    {
        let runtime = std::env::var_os("XDG_RUNTIME_DIR")
            .map(PathBuf::from)
            .filter(|p| p.is_absolute());
        Ok(match runtime {
            Some(dir) => dir.join("tipline"),
            None => std::env::temp_dir().join(format!("tipline-{}", rustix::process::geteuid().as_raw())),
        })
    }
    #[cfg(not(unix))]
    {
        // Not the temporary folder: a service's or a misconfigured TEMP
        // can be shared (C:\Windows\Temp).
        use etcetera::BaseStrategy;
        let base =
            etcetera::choose_base_strategy().map_err(|e| format!("no profile folder for this user ({e})"))?;
        let local = base.cache_dir();
        if !local.is_absolute() {
            return Err(format!(
                "the local application data folder {} is not a full path",
                crate::text::sanitize_line(&local.display().to_string())
            ));
        }
        Ok(local.join("tipline").join("presenting"))
    }
}

/// The state folder, opened and checked: a folder, not a symbolic link,
/// owned by this user and private to them (mode 0700). Files in it are
/// written and read through this one handle, so the folder cannot be
/// swapped for another after the check.
#[derive(Debug)]
pub struct StateDir {
    path: PathBuf,
    #[cfg(unix)]
    fd: rustix::fd::OwnedFd,
}

impl StateDir {
    /// The state folder ([`state_dir`]), created if missing and checked;
    /// the error says why there is no safe place, naming the folder.
    pub fn open() -> Result<StateDir, String> {
        StateDir::at(&state_dir()?)
    }

    /// The folder at `path`, created (mode 0700) if missing, then checked.
    /// A folder of this user's with a looser mode is closed to 0700: it is
    /// theirs, and every file in it is checked as it is read anyway.
    #[cfg(unix)]
    pub fn at(path: &Path) -> Result<StateDir, String> {
        use rustix::fs::{fchmod, fstat, mkdir, open, FileType, Mode, OFlags};
        use rustix::io::Errno;
        let shown = crate::text::sanitize_line(&path.display().to_string()).into_owned();
        let flags = OFlags::RDONLY | OFlags::DIRECTORY | OFlags::NOFOLLOW | OFlags::CLOEXEC;
        let opened = match open(path, flags, Mode::empty()) {
            Err(Errno::NOENT) => match mkdir(path, Mode::RWXU) {
                Ok(()) | Err(Errno::EXIST) => open(path, flags, Mode::empty()),
                Err(e) => Err(e),
            },
            other => other,
        };
        let fd = opened.map_err(|e| match e {
            Errno::LOOP | Errno::NOTDIR => match std::fs::symlink_metadata(path) {
                Ok(m) if m.file_type().is_symlink() => format!("{shown} is a symbolic link, not a folder"),
                _ => format!("{shown} is not a folder"),
            },
            e => format!("cannot use {shown}: {}", std::io::Error::from(e)),
        })?;
        let st = fstat(&fd).map_err(|e| format!("cannot use {shown}: {}", std::io::Error::from(e)))?;
        if FileType::from_raw_mode(st.st_mode) != FileType::Directory {
            return Err(format!("{shown} is not a folder"));
        }
        if st.st_uid != rustix::process::geteuid().as_raw() {
            return Err(format!("{shown} belongs to another user"));
        }
        if Mode::from_raw_mode(st.st_mode) != Mode::RWXU {
            fchmod(&fd, Mode::RWXU).map_err(|e| {
                format!(
                    "cannot make {shown} private (mode 0700): {}",
                    std::io::Error::from(e)
                )
            })?;
        }
        Ok(StateDir {
            path: path.to_path_buf(),
            fd,
        })
    }

    #[cfg(not(unix))]
    pub fn at(path: &Path) -> Result<StateDir, String> {
        let shown = crate::text::sanitize_line(&path.display().to_string()).into_owned();
        std::fs::create_dir_all(path).map_err(|e| format!("cannot use {shown}: {e}"))?;
        match std::fs::symlink_metadata(path) {
            Ok(m) if m.is_dir() => Ok(StateDir {
                path: path.to_path_buf(),
            }),
            Ok(_) => Err(format!("{shown} is not a folder")),
            Err(e) => Err(format!("cannot use {shown}: {e}")),
        }
    }

    pub fn path(&self) -> &Path {
        &self.path
    }

    /// Writes `bytes` as `name`: to the name `temp`, created new (never
    /// through whatever is already there, a symbolic link included) with
    /// mode 0600, then renamed over `name`, so a reader sees the old file
    /// or the new one and nothing in between.
    #[cfg(unix)]
    pub(crate) fn write(&self, temp: &str, name: &str, bytes: &[u8]) -> std::io::Result<()> {
        use rustix::fs::{fchmod, openat, renameat, unlinkat, AtFlags, Mode, OFlags};
        use std::io::Write;
        let flags = OFlags::WRONLY | OFlags::CREATE | OFlags::EXCL | OFlags::NOFOLLOW | OFlags::CLOEXEC;
        let mode = Mode::RUSR | Mode::WUSR;
        let fd = match openat(&self.fd, temp, flags, mode) {
            // Left by a process that died with this id: removed, not
            // followed (unlinking a symbolic link removes the link).
            Err(rustix::io::Errno::EXIST) => {
                unlinkat(&self.fd, temp, AtFlags::empty())?;
                openat(&self.fd, temp, flags, mode)?
            }
            other => other?,
        };
        fchmod(&fd, mode)?;
        let mut file = std::fs::File::from(fd);
        file.write_all(bytes)?;
        drop(file);
        renameat(&self.fd, temp, &self.fd, name)?;
        Ok(())
    }

    #[cfg(not(unix))]
    pub(crate) fn write(&self, temp: &str, name: &str, bytes: &[u8]) -> std::io::Result<()> {
        use std::io::Write;
        let temp = self.path.join(temp);
        let _ = std::fs::remove_file(&temp);
        let mut file = std::fs::OpenOptions::new()
            .write(true)
            .create_new(true)
            .open(&temp)?;
        file.write_all(bytes)?;
        drop(file);
        std::fs::rename(&temp, self.path.join(name))
    }

    /// Removes a name from the folder (a link itself, never its target).
    pub(crate) fn unlink(&self, name: &str) -> std::io::Result<()> {
        #[cfg(unix)]
        {
            rustix::fs::unlinkat(&self.fd, name, rustix::fs::AtFlags::empty())?;
            Ok(())
        }
        #[cfg(not(unix))]
        {
            std::fs::remove_file(self.path.join(name))
        }
    }

    /// The names in the folder that tipline writes: presenters' states,
    /// commands to them, and the temporary names of both.
    pub fn names(&self) -> Vec<String> {
        #[cfg(unix)]
        let names: Vec<String> = rustix::fs::Dir::read_from(&self.fd)
            .map(|dir| {
                dir.filter_map(|e| e.ok())
                    .filter_map(|e| e.file_name().to_str().ok().map(String::from))
                    .collect()
            })
            .unwrap_or_default();
        #[cfg(not(unix))]
        let names: Vec<String> = std::fs::read_dir(&self.path)
            .map(|dir| {
                dir.filter_map(|e| e.ok())
                    .filter_map(|e| e.file_name().into_string().ok())
                    .collect()
            })
            .unwrap_or_default();
        names
            .into_iter()
            .filter(|n| {
                ["present-", ".present-", "command-", ".command-"]
                    .iter()
                    .any(|p| n.starts_with(p))
            })
            .collect()
    }

    /// Reads one file: only a regular file of this user's, of at most
    /// `limit` bytes, checked before it is opened (so a named pipe or
    /// device is never opened), opened without following links or waiting,
    /// and checked again as opened. With its modification time; else why not.
    #[cfg(unix)]
    pub(crate) fn read_bytes(&self, name: &str, limit: u64) -> Result<(SystemTime, Vec<u8>), String> {
        use rustix::fs::{fstat, openat, statat, AtFlags, FileType, Mode, OFlags};
        let reason = |e: rustix::io::Errno| std::io::Error::from(e).to_string();
        let check = |st: &rustix::fs::Stat| {
            if FileType::from_raw_mode(st.st_mode) != FileType::RegularFile {
                return Err("not a regular file".to_string());
            }
            if st.st_uid != rustix::process::geteuid().as_raw() {
                return Err("owned by another user".to_string());
            }
            if u64::try_from(st.st_size).map_or(true, |n| n > limit) {
                return Err(too_large(limit));
            }
            Ok(())
        };
        check(&statat(&self.fd, name, AtFlags::SYMLINK_NOFOLLOW).map_err(reason)?)?;
        let flags = OFlags::RDONLY | OFlags::NOFOLLOW | OFlags::NONBLOCK | OFlags::CLOEXEC;
        let fd = openat(&self.fd, name, flags, Mode::empty()).map_err(reason)?;
        check(&fstat(&fd).map_err(reason)?)?;
        read_limited(std::fs::File::from(fd), limit)
    }

    #[cfg(not(unix))]
    pub(crate) fn read_bytes(&self, name: &str, limit: u64) -> Result<(SystemTime, Vec<u8>), String> {
        let path = self.path.join(name);
        let meta = std::fs::symlink_metadata(&path).map_err(|e| e.to_string())?;
        if !meta.is_file() {
            return Err("not a regular file".to_string());
        }
        let file = std::fs::File::open(&path).map_err(|e| e.to_string())?;
        let meta = file.metadata().map_err(|e| e.to_string())?;
        if !meta.is_file() || meta.len() > limit {
            return Err(too_large(limit));
        }
        read_limited(file, limit)
    }
}

fn too_large(limit: u64) -> String {
    if limit >= 1024 {
        format!("larger than {} KiB", limit / 1024)
    } else {
        format!("larger than {limit} bytes")
    }
}

/// A file's modification time and at most `limit` bytes of it; a file
/// grown past the limit since it was checked is refused.
fn read_limited(file: std::fs::File, limit: u64) -> Result<(SystemTime, Vec<u8>), String> {
    use std::io::Read;
    let modified = file
        .metadata()
        .and_then(|m| m.modified())
        .map_err(|e| e.to_string())?;
    let mut bytes = Vec::new();
    file.take(limit + 1)
        .read_to_end(&mut bytes)
        .map_err(|e| e.to_string())?;
    if bytes.len() as u64 > limit {
        return Err(too_large(limit));
    }
    Ok((modified, bytes))
}
