//! The one place an advertisement may appear: a labelled box of fixed size, so the page never
//! shifts when (or whether) an ad is filled. No third-party script is loaded.
use crate::i18n::use_i18n;
use leptos::prelude::*;

#[component]
pub fn AdSlot() -> impl IntoView {
    let i18n = use_i18n();
    view! {
        <aside class="ad-slot" aria-label=i18n.get_untracked().ad.label.to_string()>
            <span class="ad-slot__label">{i18n.get_untracked().ad.label}</span>
        </aside>
    }
}
