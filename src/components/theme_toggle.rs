//! The night-theme switch in the header, and the way back to following the system (shown while
//! the reader has a choice of their own).
use crate::components::icons::Icon;
use crate::i18n::use_i18n;
use crate::prefs::theme::Theme;
use leptos::prelude::*;

#[component]
pub fn ThemeToggle() -> impl IntoView {
    let i18n = use_i18n();
    let theme = expect_context::<Theme>();
    view! {
        <div class="theme-toggle">
            <button type="button" class="icon-button" aria-pressed=move || theme.is_dark().to_string()
                on:click=move |_| theme.toggle() title=i18n.get_untracked().theme.night.to_string()>
                <Icon name="moon"/>
                <span class="visually-hidden">{i18n.get_untracked().theme.night}</span>
            </button>
            // Always drawn, shown by `html[data-theme-chosen]` (style/main.css), which the
            // pre-paint script sets from storage: the published page has it in place from the
            // first paint, so the header does not change height when the app takes over.
            <button type="button" class="link-button theme-toggle__system" on:click=move |_| theme.follow_system()>
                {i18n.get_untracked().theme.follow_system}
            </button>
        </div>
    }
}
