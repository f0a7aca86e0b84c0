//! The low-data switch in the footer (`prefs::low_data`): pictures left out, captions kept.
use crate::components::icons::Icon;
use crate::i18n::use_i18n;
use crate::prefs::low_data::LowData;
use leptos::prelude::*;

#[component]
pub fn LowDataToggle() -> impl IntoView {
    let i18n = use_i18n();
    let low = use_context::<LowData>();
    let pressed = move || low.is_some_and(|l| l.on.get()).to_string();
    view! {
        <button type="button" class="tool-button low-data-toggle" aria-pressed=pressed
            on:click=move |_| if let Some(low) = low { low.toggle() }>
            <Icon name="picture-off"/>
            <span>{i18n.get_untracked().low_data.label}</span>
        </button>
    }
}
