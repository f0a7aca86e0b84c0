//! A- and A+ on article pages: step the article text through the scale, announce the new size,
//! and disable a button at its end of the scale.
use crate::i18n::use_i18n;
use crate::prefs::text_size::TextSize;
use leptos::prelude::*;

#[component]
pub fn TextSizeControls() -> impl IntoView {
    let i18n = use_i18n();
    let size = expect_context::<TextSize>();
    let announced = RwSignal::new(String::new());
    let change = move |delta: isize| {
        size.change(delta);
        announced.set(i18n.get().article.text_size_now(&size.percent().to_string()));
    };
    // `data-step`: where the app's scale is, for index.html to bring it in step with what a
    // reader pressed on the published page before the app arrived.
    view! {
        <div class="text-size" role="group" data-step=move || size.step.get()
            aria-label=move || i18n.get().article.text_size_now(&size.percent().to_string())>
            <button type="button" class="tool-button text-size__button" on:click=move |_| change(-1)
                disabled=move || !size.can_shrink() title=i18n.get_untracked().article.text_smaller.to_string()>
                <span aria-hidden="true">"A-"</span>
                <span class="visually-hidden">{i18n.get_untracked().article.text_smaller}</span>
            </button>
            <button type="button" class="tool-button text-size__button" on:click=move |_| change(1)
                disabled=move || !size.can_grow() title=i18n.get_untracked().article.text_larger.to_string()>
                <span aria-hidden="true">"A+"</span>
                <span class="visually-hidden">{i18n.get_untracked().article.text_larger}</span>
            </button>
            <span class="visually-hidden" role="status">{move || announced.get()}</span>
        </div>
    }
}
