//! The teacher's console driving the room: `tipline notes` in one
//! terminal sends the presenter's moves to `tipline present` in another,
//! through the private state folder both are given.

use crate::session::{private_dir, Session};

const RIGHT: &str = "\x1b[C";
const LEFT: &str = "\x1b[D";

#[test]
fn the_notes_console_moves_blanks_and_brings_back_the_room() {
    let runtime = private_dir();
    let dir = runtime.path().display().to_string();
    let env = [("XDG_RUNTIME_DIR", dir.as_str()), ("NO_COLOR", "1")];
    let mut room = Session::start_with(&["present", "reading-2022-figures", "--projector"], &env, 80, 24);
    room.wait_for("Fit check");
    let mut notes = Session::start_with(&["notes"], &env, 80, 24);
    let console = notes.wait_for("stop 1 / 5");
    assert!(console.contains("Time  00:00, not started"), "{console}");
    // The first room key from the console starts the lesson, as any key
    // on the fit check does in the room.
    notes.keys(RIGHT);
    room.wait_for_gone("Fit check");
    room.wait_for("1 / 5");
    let console = notes.wait_for_gone("not started");
    let clock = console
        .lines()
        .find(|l| l.contains(" of 60:00"))
        .unwrap_or_else(|| panic!("a clock: {console}"));
    assert!(
        clock.trim_start().starts_with("00:0"),
        "the clock starts at the first stop, not when the fit check opened: {clock}"
    );
    notes.keys(RIGHT);
    let shown = room.wait_for("2 / 5");
    assert!(shown.contains("Sar Kheng"), "{shown}");
    let console = notes.wait_for("stop 2 / 5");
    assert!(console.contains("Now: Sar Kheng"), "{console}");
    // Space reveals the first part, as it does in the room.
    notes.keys(" ");
    notes.wait_for("Showing: date");
    // b blanks the room; the console says so.
    notes.keys("b");
    room.wait_for_gone("2 / 5");
    assert!(
        room.contents().trim().is_empty(),
        "the room sees nothing:\n{}",
        room.contents()
    );
    notes.wait_for("The room's screen is blank (black)");
    // ← brings it back where it was, as any key on a blank screen does;
    // a second ← goes back a stop.
    notes.keys(LEFT);
    room.wait_for("2 / 5");
    notes.wait_for_gone("The room's screen is blank");
    assert!(notes.contents().contains("Showing: date"), "{}", notes.contents());
    notes.keys(LEFT);
    room.wait_for("1 / 5");
    notes.wait_for("stop 1 / 5");
    room.keys("q");
    assert!(room.wait_exit().success());
    notes.wait_for("Waiting for a presenter");
    // A key with nobody to send it to says so.
    notes.keys(RIGHT);
    notes.wait_for("No presenter to send to: next stop was not sent");
    notes.keys("q");
    assert!(notes.wait_exit().success());
    let state = runtime.path().join("tipline");
    let left: Vec<_> = std::fs::read_dir(&state)
        .unwrap()
        .map(|e| e.unwrap().file_name())
        .collect();
    assert!(left.is_empty(), "nothing left in the state folder: {left:?}");
}
