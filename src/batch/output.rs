//! Result files that never destroy anything: the command line's only way to write a file.
//!
//! A result is written to a temporary file beside its target and renamed over it only when the
//! run has succeeded, so a run that fails half-way leaves the old file (or no file) and never a
//! partial one that looks complete. An output that is one of the run's inputs — the same file by
//! identity (device and inode, so a second name, a hard link or a symlink are caught too), not by
//! name — is refused before anything is opened for writing: `--out 台账.csv` on `台账.csv` once
//! truncated the ledger it was still reading.
use crate::error::{Failure, FieldError};
use std::io::Write;
use std::path::{Path, PathBuf};

fn fail(message: impl Into<String>) -> Failure {
    Failure::invalid(vec![FieldError::new("$", message)])
}

/// Refuses `out` when it is the same file as any of `inputs` (paths that do not exist yet are
/// never the same file).
pub fn refuse_overwriting_input(out: &Path, inputs: &[&Path]) -> Result<(), Failure> {
    for input in inputs {
        if same_file::is_same_file(out, input).unwrap_or(false) {
            return Err(fail(format!(
                "结果文件 {} 与输入文件 {} 是同一个文件：写出结果会毁掉原表，已拒绝。请用 --out 指定另一个文件名",
                out.display(),
                input.display()
            )));
        }
    }
    Ok(())
}

/// A result file being written: a temporary file in the target's directory until [`commit`].
/// Dropped without committing (an error, a panic), the temporary file is removed.
///
/// [`commit`]: AtomicFile::commit
pub struct AtomicFile {
    target: PathBuf,
    tmp: tempfile::NamedTempFile,
}

impl AtomicFile {
    /// Starts writing `target`, after checking it is none of `inputs`.
    pub fn create(target: &Path, inputs: &[&Path]) -> Result<AtomicFile, Failure> {
        refuse_overwriting_input(target, inputs)?;
        if target.is_dir() {
            return Err(fail(format!("结果文件 {} 是一个文件夹，请写文件名（如 结果.xlsx）", target.display())));
        }
        let dir = match target.parent() {
            Some(p) if !p.as_os_str().is_empty() => p.to_path_buf(),
            _ => PathBuf::from("."),
        };
        let name = target.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_default();
        let tmp = tempfile::Builder::new()
            .prefix(&format!(".{name}."))
            .suffix(".jingning-tmp")
            .tempfile_in(&dir)
            .map_err(|e| fail(format!("无法在 {} 中创建结果文件：{e}", dir.display())))?;
        Ok(AtomicFile { target: target.to_path_buf(), tmp })
    }

    pub fn target(&self) -> &Path {
        &self.target
    }

    pub fn file(&mut self) -> &mut std::fs::File {
        self.tmp.as_file_mut()
    }

    /// Writes the whole content and commits.
    pub fn write_all(mut self, bytes: &[u8]) -> Result<(), Failure> {
        let target = self.target.clone();
        self.file().write_all(bytes).map_err(|e| fail(format!("无法写入 {}：{e}", target.display())))?;
        self.commit()
    }

    /// Flushes the data to disk and puts the file in place of the target.
    pub fn commit(self) -> Result<(), Failure> {
        let AtomicFile { target, tmp } = self;
        tmp.as_file().sync_all().map_err(|e| fail(format!("无法写入 {}：{e}", target.display())))?;
        tmp.persist(&target).map_err(|e| fail(format!("无法写入 {}：{}", target.display(), e.error)))?;
        Ok(())
    }
}

/// The failure of a run that had started writing `target`, saying that nothing was left behind.
pub fn not_written(f: Failure, target: &Path) -> Failure {
    let note = if target.exists() {
        format!("结果文件 {} 未写出（没有留下不完整的文件，原有的同名文件未改动）", target.display())
    } else {
        format!("结果文件 {} 未写出（没有留下不完整的文件）", target.display())
    };
    match f {
        Failure::Invalid { mut errors } => {
            errors.push(FieldError::new("$", note));
            Failure::Invalid { errors }
        }
        Failure::Calculation { message } => Failure::Calculation { message: format!("{message}；{note}") },
    }
}

/// Runs `f`, turning a panic (a bug: no input should cause one) into the panic's message, so the
/// command line can say it in Chinese instead of printing a backtrace.
pub fn guard<T>(f: impl FnOnce() -> T) -> Result<T, String> {
    std::panic::catch_unwind(std::panic::AssertUnwindSafe(f)).map_err(|payload| {
        payload.downcast_ref::<&str>().map(|s| s.to_string()).or_else(|| payload.downcast_ref::<String>().cloned()).unwrap_or_else(|| "未知错误".into())
    })
}

#[cfg(test)]
mod tests {
    #[test]
    fn a_panic_becomes_its_message() {
        assert_eq!(super::guard(|| 7), Ok(7));
        let v: Vec<u8> = Vec::new();
        let r = super::guard(|| v[3]);
        assert!(r.unwrap_err().contains("index out of bounds"));
    }

    use super::*;

    fn dir(name: &str) -> PathBuf {
        let d = std::env::temp_dir().join(format!("jingning-output-{}-{name}", std::process::id()));
        std::fs::create_dir_all(&d).unwrap();
        d
    }

    #[test]
    fn a_second_name_for_the_input_is_refused() {
        let d = dir("alias");
        let input = d.join("台账.csv");
        std::fs::write(&input, "x").unwrap();
        let link = d.join("链接.csv");
        let _ = std::fs::remove_file(&link);
        std::fs::hard_link(&input, &link).unwrap();
        let f = AtomicFile::create(&link, &[&input]).err().unwrap();
        assert!(f.describe().contains("是同一个文件"), "{}", f.describe());
        let roundabout = d.join(".").join("台账.csv");
        assert!(AtomicFile::create(&roundabout, &[&input]).is_err());
        assert_eq!(std::fs::read(&input).unwrap(), b"x");
    }

    #[test]
    fn an_uncommitted_file_leaves_the_old_one_and_no_temporary() {
        let d = dir("drop");
        let target = d.join("结果.csv");
        std::fs::write(&target, "old").unwrap();
        {
            let mut f = AtomicFile::create(&target, &[]).unwrap();
            f.file().write_all(b"half").unwrap();
        }
        assert_eq!(std::fs::read(&target).unwrap(), b"old");
        let left: Vec<_> = std::fs::read_dir(&d).unwrap().map(|e| e.unwrap().file_name()).collect();
        assert_eq!(left.len(), 1, "{left:?}");
        AtomicFile::create(&target, &[]).unwrap().write_all(b"new").unwrap();
        assert_eq!(std::fs::read(&target).unwrap(), b"new");
    }
}
