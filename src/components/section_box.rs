//! The box at the top of a section feed: the section's name and what it covers.
use crate::api::{Edition, Section};
use leptos::prelude::*;

/// The section's title in this edition, or its slug if the edition does not list it.
pub fn section_title(edition: &Edition, slug: &str) -> String {
    edition.sections.iter().find(|s| s.slug == slug).map_or_else(|| slug.to_string(), |s| s.title.clone())
}

#[component]
pub fn SectionBox(section: Section) -> impl IntoView {
    view! {
        <header class="section-box">
            <h1 class="section-box__title">{section.title}</h1>
            {(!section.description.is_empty()).then(|| view! { <p class="section-box__description">{section.description}</p> })}
        </header>
    }
}
