//! The frame's bottom: the newsroom's reuse notice, the copyright line, and the sections again.
use crate::components::low_data_toggle::LowDataToggle;
use crate::context::use_frame;
use crate::i18n::use_i18n;
use crate::route::section_path;
use leptos::prelude::*;

#[component]
pub fn Footer() -> impl IntoView {
    let i18n = use_i18n();
    let frame = use_frame();
    let lang = frame.lang.get_untracked();
    let year = crate::format::current_year();
    let site = frame.site.name.clone();
    let sections = frame
        .edition
        .sections
        .iter()
        .map(|s| view! { <li><a href=crate::config::href(&section_path(&lang, &s.slug))>{s.title.clone()}</a></li> })
        .collect_view();
    view! {
        <footer class="site-footer">
            <nav class="footer-nav" aria-label=i18n.get_untracked().footer.sections.to_string()>
                <ul>{sections}</ul>
            </nav>
            {(!frame.edition.footer_notice.is_empty()).then(|| view! { <p class="footer-notice">{frame.edition.footer_notice.clone()}</p> })}
            <LowDataToggle/>
            <p class="copyright">{i18n.get_untracked().footer.copyright(&site, &year.to_string())}</p>
        </footer>
    }
}
