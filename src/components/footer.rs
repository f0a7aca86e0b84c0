//! The frame's bottom: the newsroom's reuse notice, the copyright line, and the sections again.
use crate::app::use_shell;
use crate::i18n::use_i18n;
use crate::links::section_path;
use leptos::prelude::*;

#[component]
pub fn Footer() -> impl IntoView {
    let i18n = use_i18n();
    let shell = use_shell();
    let lang = shell.lang.get_untracked();
    let year = js_sys::Date::new_0().get_full_year();
    let site = shell.site.name.clone();
    let sections = shell
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
            {(!shell.edition.footer_notice.is_empty()).then(|| view! { <p class="footer-notice">{shell.edition.footer_notice.clone()}</p> })}
            <p class="copyright">{i18n.get_untracked().footer.copyright(&site, &year.to_string())}</p>
        </footer>
    }
}
