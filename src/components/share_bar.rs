//! The tools under a headline: native share (where the device has it), share links, print and
//! copy link. Every URL shared is the article's canonical URL.
use crate::components::copy_link::CopyLink;
use crate::components::icons::Icon;
use crate::i18n::use_i18n;
use crate::links::share_links;
use leptos::prelude::*;

#[component]
pub fn ShareBar(#[prop(into)] url: String, #[prop(into)] title: String) -> impl IntoView {
    let i18n = use_i18n();
    let native = has_native_share().then(|| {
        let (url, title) = (url.clone(), title.clone());
        view! {
            <button type="button" class="tool-button tool-button--native" on:click=move |_| native_share(&url, &title)>
                <Icon name="share"/>
                <span>{i18n.get_untracked().share.native}</span>
            </button>
        }
    });
    let links = share_links(&url, &title)
        .into_iter()
        .map(|(network, href)| {
            let label = move || match network {
                "x" => i18n.get().share.on_x.to_string(),
                "facebook" => i18n.get().share.on_facebook.to_string(),
                "telegram" => i18n.get().share.on_telegram.to_string(),
                "whatsapp" => i18n.get().share.on_whatsapp.to_string(),
                _ => i18n.get().share.by_email.to_string(),
            };
            view! {
                <li>
                    <a class="share-link" data-network=network href=href target="_blank" rel="noopener noreferrer"
                        aria-label=label title=label>
                        <Icon name=network/>
                    </a>
                </li>
            }
        })
        .collect_view();
    view! {
        <div class="share-bar">
            {native}
            <ul class="share-bar__links" aria-label=i18n.get_untracked().share.heading.to_string()>{links}</ul>
            <button type="button" class="tool-button" on:click=|_| print_page()>
                <Icon name="print"/>
                <span>{i18n.get_untracked().share.print}</span>
            </button>
            <CopyLink url/>
        </div>
    }
}

/// Whether the device has a share sheet; never when drawing published HTML (there is no device).
fn has_native_share() -> bool {
    cfg!(target_arch = "wasm32")
        && web_sys::window()
            .and_then(|w| js_sys::Reflect::get(&w.navigator(), &"share".into()).ok())
            .is_some_and(|f| f.is_function())
}

fn native_share(url: &str, title: &str) {
    let Some(window) = web_sys::window() else { return };
    let data = web_sys::ShareData::new();
    data.set_url(url);
    data.set_title(title);
    // The reader may cancel the sheet; that is not an error worth showing.
    let _ = window.navigator().share_with_data(&data);
}

fn print_page() {
    if let Some(window) = web_sys::window() {
        let _ = window.print();
    }
}
