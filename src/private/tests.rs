use super::*;

fn folder_for(name: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("zhizao-private-{name}-{}", std::process::id()));
    let _ = fs::remove_dir_all(&dir);
    folder(&dir).unwrap();
    dir
}

/// A FIFO at `path`, made by the coreutils command (std has no mkfifo,
/// and the crate forbids unsafe code).
fn fifo(path: &Path) {
    let made = std::process::Command::new("mkfifo")
        .arg(path)
        .status()
        .unwrap();
    assert!(made.success());
}

#[test]
fn the_folder_is_private() {
    use std::os::unix::fs::PermissionsExt as _;
    let dir = folder_for("mode");
    let mode = fs::metadata(&dir).unwrap().permissions().mode();
    assert_eq!(mode & 0o777, 0o700);
    fs::remove_dir_all(&dir).unwrap();
}

#[test]
fn a_link_at_the_lock_is_set_aside_and_its_target_never_made() {
    let dir = folder_for("lock-link");
    let outside = dir.with_extension("outside");
    let _ = fs::remove_file(&outside);
    std::os::unix::fs::symlink(&outside, dir.join(".lock")).unwrap();
    let lock = lock(&dir).unwrap();
    assert!(!outside.exists(), "the link's target is not created");
    assert!(fs::symlink_metadata(dir.join(".lock")).unwrap().is_file());
    drop(lock);
    fs::remove_dir_all(&dir).unwrap();
}

#[test]
fn a_fifo_at_the_lock_or_the_file_never_hangs() {
    let dir = folder_for("fifo");
    fifo(&dir.join(".lock"));
    fifo(&dir.join("state.json"));
    let start = Instant::now();
    drop(lock(&dir).unwrap());
    assert!(matches!(
        read(&dir.join("state.json"), 1 << 20).unwrap(),
        Found::NotAFile
    ));
    assert!(start.elapsed() < Duration::from_secs(1));
    fs::remove_dir_all(&dir).unwrap();
}

#[test]
fn a_link_to_a_device_is_not_read_and_a_big_file_not_read_whole() {
    let dir = folder_for("zero");
    std::os::unix::fs::symlink("/dev/zero", dir.join("state.json")).unwrap();
    assert!(matches!(
        read(&dir.join("state.json"), 1 << 20).unwrap(),
        Found::NotAFile
    ));
    fs::write(dir.join("big.json"), vec![b' '; 2048]).unwrap();
    assert!(matches!(
        read(&dir.join("big.json"), 1024).unwrap(),
        Found::TooBig(2048)
    ));
    assert!(matches!(
        read(&dir.join("none.json"), 1024).unwrap(),
        Found::Missing
    ));
    fs::remove_dir_all(&dir).unwrap();
}

#[test]
fn writing_over_a_link_replaces_the_link_and_leaves_its_target() {
    let dir = folder_for("write-link");
    let outside = dir.with_extension("target");
    fs::write(&outside, "theirs").unwrap();
    let path = dir.join("state.json");
    std::os::unix::fs::symlink(&outside, &path).unwrap();
    write(&dir, &path, b"ours").unwrap();
    assert_eq!(fs::read_to_string(&outside).unwrap(), "theirs");
    assert_eq!(fs::read_to_string(&path).unwrap(), "ours");
    assert!(fs::symlink_metadata(&path).unwrap().is_file());
    // A write that dies leaves no temporary file.
    let died = write_with(&dir, &path, b"new", |_| Err(io::Error::other("disk full")));
    assert!(died.is_err());
    let left: Vec<_> = fs::read_dir(&dir)
        .unwrap()
        .flatten()
        .map(|e| e.file_name())
        .collect();
    assert_eq!(left, [std::ffi::OsString::from("state.json")]);
    fs::remove_dir_all(&dir).unwrap();
    fs::remove_file(&outside).unwrap();
}

#[test]
fn a_lock_held_elsewhere_is_waited_for_a_bounded_time() {
    let dir = folder_for("held");
    let held = lock(&dir).unwrap();
    let start = Instant::now();
    // Another open file description of the same lock: as another process.
    let other = lock(&dir);
    assert!(other.is_err());
    assert!(start.elapsed() >= LOCK_WAIT && start.elapsed() < LOCK_WAIT * 2);
    drop(held);
    assert!(lock(&dir).is_ok());
    fs::remove_dir_all(&dir).unwrap();
}
