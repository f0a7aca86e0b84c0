//! "Copy link": copies the article's canonical URL with the async Clipboard API and says so in the
//! reader's language through a live region. Where the browser refuses, it selects the URL in a
//! read-only field and tells the reader to copy it by keyboard; it never claims a copy it did not make.
//!
//! Not leptos-use's `use_clipboard`: it drops the write's failure, and a refused write must lead
//! to the manual fallback instead of silence.
use crate::components::icons::Icon;
use crate::i18n::use_i18n;
use leptos::prelude::*;
use leptos::task::spawn_local;
use wasm_bindgen_futures::JsFuture;

/// How long "Link copied" stays on screen.
const CONFIRMATION_MS: u64 = 3000;

#[derive(Clone, Copy, PartialEq)]
enum CopyState {
    Idle,
    Copied,
    Manual,
}

#[component]
pub fn CopyLink(#[prop(into)] url: String) -> impl IntoView {
    let i18n = use_i18n();
    let state = RwSignal::new(CopyState::Idle);
    let generation = StoredValue::new(0u32);
    let field = NodeRef::<leptos::html::Input>::new();
    let copy = {
        let url = url.clone();
        move |_| {
            let url = url.clone();
            let this_click = generation.get_value() + 1;
            generation.set_value(this_click);
            spawn_local(async move {
                let copied = write_clipboard(&url).await;
                if generation.try_get_value() != Some(this_click) {
                    return; // a newer click owns the message
                }
                if copied {
                    state.try_set(CopyState::Copied);
                    set_timeout(
                        move || {
                            if generation.try_get_value() == Some(this_click) {
                                state.try_set(CopyState::Idle);
                            }
                        },
                        std::time::Duration::from_millis(CONFIRMATION_MS),
                    );
                } else {
                    state.try_set(CopyState::Manual);
                    request_animation_frame(move || {
                        if let Some(input) = field.get_untracked() {
                            let _ = input.focus();
                            input.select();
                        }
                    });
                }
            });
        }
    };
    let status = move || match state.try_get().unwrap_or(CopyState::Idle) {
        CopyState::Copied => i18n.get().share.copied.to_string(),
        CopyState::Manual => i18n.get().share.copy_fallback.to_string(),
        CopyState::Idle => String::new(),
    };
    view! {
        <div class="copy-link">
            <button type="button" class="tool-button" on:click=copy>
                <Icon name="link"/>
                <span>{i18n.get_untracked().share.copy_link}</span>
            </button>
            <span class="copy-link__status" role="status">{status}</span>
            <Show when=move || state.get() == CopyState::Manual>
                <label class="copy-link__manual">
                    <span class="visually-hidden">{i18n.get_untracked().share.link_field}</span>
                    <input node_ref=field type="text" readonly value=url.clone() on:focus=|ev| {
                        use wasm_bindgen::JsCast;
                        if let Some(input) = ev.target().and_then(|t| t.dyn_into::<web_sys::HtmlInputElement>().ok()) {
                            input.select();
                        }
                    }/>
                </label>
            </Show>
        </div>
    }
}

/// True only when the browser confirms the text is on the clipboard.
async fn write_clipboard(text: &str) -> bool {
    let Some(window) = web_sys::window() else { return false };
    let navigator = window.navigator();
    // Missing on insecure origins and old browsers: check before calling.
    let has_clipboard = js_sys::Reflect::get(&navigator, &"clipboard".into())
        .map(|c| !c.is_undefined() && !c.is_null())
        .unwrap_or(false);
    if !has_clipboard {
        return false;
    }
    JsFuture::from(navigator.clipboard().write_text(text)).await.is_ok()
}
