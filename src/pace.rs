//! How often the page may rewrite its address, and the changes it keeps
//! for when it comes back.
//!
//! Browsers cap how often a page changes its address with `replaceState`:
//! Safari throws past 100 changes in 30 seconds, Chromium and Firefox
//! refuse past 200 in 10 seconds. An edit to a shared scenario puts it in
//! the address (`ui::link::show_in_address`), so that a reload keeps it; a
//! change refused by the browser would leave an older scenario there, and
//! a reload would bring it back. A [`Pace`] lets a burst of edits through
//! at once and then one every [`Pace::EVERY_MS`]: at most
//! `BURST + 30_000 / EVERY_MS` = 80 changes in any 30 seconds.
//!
//! A change still waiting for its turn when the page goes away (a reload,
//! another page) is kept in the tab's sessionStorage as [`Kept`] text, for
//! the page to make on coming back.

/// A token bucket over milliseconds: [`Pace::BURST`] changes at once, and
/// one more for every [`Pace::EVERY_MS`] since.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Pace {
    tokens: f64,
    /// When `tokens` was counted, in milliseconds.
    at: f64,
}

impl Pace {
    /// Changes let through at once: the keystrokes of a few figures.
    pub const BURST: f64 = 20.0;
    /// Once those are spent, one change every half second.
    pub const EVERY_MS: f64 = 500.0;

    /// A full bucket at `now`.
    pub fn new(now: f64) -> Self {
        Pace {
            tokens: Self::BURST,
            at: now,
        }
    }

    /// Takes one change at `now` (milliseconds, from any fixed origin):
    /// `Ok` when it may be made now, or else how many milliseconds until it
    /// may. A clock that goes back, or reads NaN, refills nothing.
    pub fn take(&mut self, now: f64) -> Result<(), f64> {
        let elapsed = now - self.at;
        if elapsed > 0.0 {
            self.tokens = (self.tokens + elapsed / Self::EVERY_MS).min(Self::BURST);
            self.at = now;
        }
        // A token short by a rounding error counts: a change asked again
        // after the wait it was given goes through.
        if self.tokens > 1.0 - 1e-9 {
            self.tokens -= 1.0;
            Ok(())
        } else {
            Err(((1.0 - self.tokens) * Self::EVERY_MS).ceil().max(1.0))
        }
    }
}

/// The address changes kept for when the page comes back, as
/// `[entry, shown, wanted]`: asked on the history entry numbered `entry`
/// (`ui::link::visit`), while the address showed `shown`, to show `wanted`.
/// The latest is last; past [`Kept::MAX`], the oldest go first.
///
/// As text, each change is three lines in that order: a hash holds no
/// line break (the browser escapes them). Text that is not whole changes
/// (cut short, or written by hand) loses its incomplete tail only.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Kept<'a> {
    changes: Vec<[&'a str; 3]>,
}

impl<'a> Kept<'a> {
    /// Changes kept at most: one per entry the tab went through lately.
    pub const MAX: usize = 20;

    /// Reads the changes kept as `text`.
    pub fn read(text: &'a str) -> Self {
        let mut lines = text.split('\n');
        let changes = std::iter::from_fn(|| Some([lines.next()?, lines.next()?, lines.next()?]));
        Kept {
            changes: changes.collect(),
        }
    }

    /// The change kept last.
    pub fn latest(&self) -> Option<[&'a str; 3]> {
        self.changes.last().copied()
    }

    /// Takes the change kept for `entry` out, as `(shown, wanted)`.
    pub fn take(&mut self, entry: &str) -> Option<(&'a str, &'a str)> {
        let at = self.changes.iter().position(|[kept, ..]| *kept == entry)?;
        let [_, shown, wanted] = self.changes.remove(at);
        Some((shown, wanted))
    }

    /// Keeps `change` last, in place of any kept for its entry, and drops
    /// the oldest past [`Kept::MAX`].
    pub fn put(&mut self, change: [&'a str; 3]) {
        self.changes.retain(|[entry, ..]| *entry != change[0]);
        self.changes.push(change);
        let extra = self.changes.len().saturating_sub(Self::MAX);
        self.changes.drain(..extra);
    }

    /// The changes as text, for [`Kept::read`].
    pub fn text(&self) -> String {
        self.changes.concat().join("\n")
    }
}
