//! How often the page may rewrite its address.
//!
//! Browsers cap how often a page changes its address with `replaceState`:
//! Safari throws past 100 changes in 30 seconds, Chromium and Firefox
//! refuse past 200 in 10 seconds. An edit to a shared scenario puts it in
//! the address (`ui::link::show_in_address`), so that a reload keeps it; a
//! change refused by the browser would leave an older scenario there, and
//! a reload would bring it back. A [`Pace`] lets a burst of edits through
//! at once and then one every [`Pace::EVERY_MS`]: at most
//! `BURST + 30_000 / EVERY_MS` = 80 changes in any 30 seconds.

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
