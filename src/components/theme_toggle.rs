//! The night-theme switch in the header, and the way back to following the system.
use crate::components::icons::Icon;
use crate::i18n::use_i18n;
use crate::prefs::theme::{Theme, ThemeChoice};
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
            <Show when=move || theme.choice.get() != ThemeChoice::System>
                <button type="button" class="link-button" on:click=move |_| theme.follow_system()>
                    {i18n.get_untracked().theme.follow_system}
                </button>
            </Show>
        </div>
    }
}
