//! A+/A- article text size: a step on a fixed scale, kept in `<html data-text-size>` so CSS scales
//! headline and body together. `index.html` applies the saved step before first paint.
use super::storage::{self, TEXT_SIZE_KEY};
use leptos::prelude::*;

/// The scale in percent of the normal article size.
pub const SCALE: [u16; 5] = [88, 100, 113, 125, 150];
/// The normal size's step.
pub const DEFAULT_STEP: usize = 1;

/// Reads a stored step; anything missing, out of range or corrupt is the default.
pub fn parse_step(stored: Option<&str>) -> usize {
    stored.and_then(|s| s.trim().parse::<usize>().ok()).filter(|step| *step < SCALE.len()).unwrap_or(DEFAULT_STEP)
}

/// The step `delta` steps from `step`, stopping at either end of the scale.
fn next_step(step: usize, delta: isize) -> usize {
    step.saturating_add_signed(delta).min(SCALE.len() - 1)
}

/// The text size state shared by the A+/A- buttons.
#[derive(Clone, Copy)]
pub struct TextSize {
    pub step: RwSignal<usize>,
}

impl TextSize {
    pub fn percent(&self) -> u16 {
        SCALE[self.step.get()]
    }
    pub fn can_shrink(&self) -> bool {
        self.step.get() > 0
    }
    pub fn can_grow(&self) -> bool {
        self.step.get() + 1 < SCALE.len()
    }
    /// Moves one step up (`+1`) or down (`-1`) within the scale and remembers it.
    pub fn change(&self, delta: isize) {
        let next = next_step(self.step.get_untracked(), delta);
        self.step.set(next);
        storage::set(TEXT_SIZE_KEY, &next.to_string());
    }
}

/// Creates the text size state and keeps `data-text-size` in step.
pub fn provide_text_size() -> TextSize {
    let size = TextSize { step: RwSignal::new(parse_step(storage::get(TEXT_SIZE_KEY).as_deref())) };
    Effect::new(move |_| {
        let step = size.step.get().to_string();
        if let Some(html) = document().document_element() {
            let _ = html.set_attribute("data-text-size", &step);
        }
    });
    provide_context(size);
    size
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn stored_steps_are_validated() {
        assert_eq!(parse_step(Some("0")), 0);
        assert_eq!(parse_step(Some("4")), 4);
        for junk in [None, Some("5"), Some("-1"), Some("big"), Some(""), Some("1.5")] {
            assert_eq!(parse_step(junk), DEFAULT_STEP, "{junk:?}");
        }
    }

    #[test]
    fn a_plus_grows_a_minus_shrinks_and_both_stop_at_the_ends() {
        assert_eq!(SCALE[DEFAULT_STEP], 100, "the normal size is announced as 100%");
        let (mut up, mut down) = (DEFAULT_STEP, DEFAULT_STEP);
        for _ in 0..SCALE.len() + 2 {
            let (bigger, smaller) = (next_step(up, 1), next_step(down, -1));
            assert!(SCALE[bigger] > SCALE[up] || bigger == up, "A+ never shrinks");
            assert!(SCALE[smaller] < SCALE[down] || smaller == down, "A- never grows");
            (up, down) = (bigger, smaller);
        }
        assert_eq!((up, down), (SCALE.len() - 1, 0), "repeated presses reach the ends");
        assert_eq!(next_step(up, 1), up);
        assert_eq!(next_step(down, -1), 0);
    }
}
