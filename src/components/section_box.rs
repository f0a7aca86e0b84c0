//! The box at the top of a section feed: the section's name and what it covers.
use crate::api::Section;
use leptos::prelude::*;

#[component]
pub fn SectionBox(section: Section) -> impl IntoView {
    view! {
        <header class="section-box">
            <h1 class="section-box__title">{section.title}</h1>
            {(!section.description.is_empty()).then(|| view! { <p class="section-box__description">{section.description}</p> })}
        </header>
    }
}
