//! The frame's top: site name, sections, search, theme, languages, social and app links.
//! On phones the navigation folds into a menu button (keyboard and touch alike).
use crate::api::{AppLink, SocialLink};
use crate::components::icons::Icon;
use crate::components::language_switch::LanguageSwitch;
use crate::components::later::Later;
use crate::components::search_box::SearchBox;
use crate::components::theme_toggle::ThemeToggle;
use crate::context::use_frame;
use crate::i18n::use_i18n;
use crate::links::safe_href;
use crate::route::{home_path, section_path, Route};
use leptos::prelude::*;
use leptos_router::hooks::use_location;

#[component]
pub fn Header() -> impl IntoView {
    let i18n = use_i18n();
    let frame = use_frame();
    let lang = frame.lang.get_untracked();
    let menu_open = RwSignal::new(false);
    let location = use_location();
    // Following a link in the open menu closes it. (Not an effect on the location: the header may
    // already be gone when the location changes, as it is drawn anew for another language.)
    let close_on_link = move |ev: leptos::ev::MouseEvent| {
        use wasm_bindgen::JsCast;
        let on_link =
            ev.target().and_then(|t| t.dyn_into::<web_sys::Element>().ok()).and_then(|e| e.closest("a").ok().flatten());
        if on_link.is_some() {
            menu_open.set(false);
        }
    };
    let current_section = move || {
        let path = crate::config::in_app_path(&location.pathname.get());
        Route::parse(&path).and_then(|route| route.section().map(str::to_string))
    };
    let sections = frame
        .edition
        .sections
        .iter()
        .map(|section| {
            let slug = section.slug.clone();
            let current = move || (current_section().as_deref() == Some(slug.as_str())).then_some("page");
            view! {
                <li><a href=crate::config::href(&section_path(&lang, &section.slug)) aria-current=current>{section.title.clone()}</a></li>
            }
        })
        .collect_view();
    view! {
        <header class="site-header">
            <div class="site-header__bar">
                <a class="site-name" href=crate::config::href(&home_path(&lang))>{frame.site.name.clone()}</a>
                <button type="button" class="icon-button menu-button" aria-controls="site-menu"
                    aria-expanded=move || menu_open.try_get().unwrap_or(false).to_string() on:click=move |_| menu_open.update(|o| *o = !*o)>
                    <Icon name="menu"/>
                    <span class="visually-hidden">{i18n.get_untracked().nav.menu}</span>
                </button>
                <div class="site-header__tools">
                    <a class="icon-button saved-link" href=crate::config::href(&crate::route::saved_path(&lang))
                        aria-current=move || (crate::config::in_app_path(&location.pathname.get()) == crate::route::saved_path(&lang)).then_some("page")
                        title=i18n.get_untracked().saved.nav.to_string()>
                        <Icon name="bookmark"/>
                        <span class="visually-hidden">{i18n.get_untracked().saved.nav}</span>
                    </a>
                    <Later>
                        <ThemeToggle/>
                        <LanguageSwitch/>
                    </Later>
                </div>
            </div>
            <div id="site-menu" class="site-menu" class:site-menu--open=move || menu_open.try_get().unwrap_or(false) on:click=close_on_link>
                <Later><SearchBox/></Later>
                <nav class="section-nav" aria-label=i18n.get_untracked().nav.sections.to_string()>
                    <ul>{sections}</ul>
                </nav>
                <Later>
                    <div class="site-header__links">
                        <SocialLinks links=frame.site.social.clone()/>
                        <AppLinks links=frame.site.apps.clone()/>
                    </div>
                </Later>
            </div>
        </header>
    }
}

/// A network's display name; networks outside the known five are shown by their own name.
pub fn network_name(network: &str) -> String {
    match network {
        "twitter" | "x" => "X (Twitter)".into(),
        "youtube" => "YouTube".into(),
        "instagram" => "Instagram".into(),
        "facebook" => "Facebook".into(),
        "telegram" => "Telegram".into(),
        other => other.to_string(),
    }
}

/// An outlink shown as an icon: where it goes, which icon, and its accessible name.
struct IconLink {
    href: String,
    icon: String,
    name: String,
}

/// A labelled list of icon links opening in a new tab; links with unsafe URLs are left out.
#[component]
fn IconLinks(class: &'static str, label: String, links: Vec<IconLink>) -> impl IntoView {
    let items = links
        .into_iter()
        .filter_map(|link| {
            let href = safe_href(&link.href)?;
            Some(view! {
                <li>
                    <a href=href rel="noopener noreferrer" target="_blank" aria-label=link.name.clone() title=link.name>
                        <Icon name=link.icon/>
                    </a>
                </li>
            })
        })
        .collect_view();
    view! { <ul class=class aria-label=label>{items}</ul> }
}

// Plain text rather than reactive: the header is drawn anew for each language.
#[component]
fn SocialLinks(links: Vec<SocialLink>) -> impl IntoView {
    let i18n = use_i18n();
    let links =
        links.into_iter().map(|l| IconLink { name: network_name(&l.network), href: l.url, icon: l.network }).collect();
    view! { <IconLinks class="social-links" label=i18n.get_untracked().nav.social.to_string() links/> }
}

#[component]
fn AppLinks(links: Vec<AppLink>) -> impl IntoView {
    let i18n = use_i18n();
    let links = links
        .into_iter()
        .map(|l| {
            let name = match l.store.as_str() {
                "app_store" => i18n.get_untracked().nav.app_store.to_string(),
                "google_play" => i18n.get_untracked().nav.google_play.to_string(),
                other => other.to_string(),
            };
            IconLink { name, href: l.url, icon: l.store }
        })
        .collect();
    view! { <IconLinks class="app-links" label=i18n.get_untracked().nav.apps.to_string() links/> }
}
