//! The smallest app that uses each piece of Gazette's stack once, one cargo feature per piece:
//! none (a heading), then `router` (three routes), `data` (a JSON document fetched with gloo-net,
//! decoded with serde_json, in a `LocalResource` under `Suspense` and `ErrorBoundary`) and `meta`
//! (a title and a meta tag), each adding to the one before; then, each on top of `meta`, `strings`
//! (UI strings in four languages behind a language signal, as Gazette's `i18n/` does) or
//! `leptos_i18n` (the same through leptos_i18n's context provider). `measure.sh` builds each and
//! prints its size.
use leptos::prelude::*;

#[cfg(feature = "leptos_i18n")]
include!(concat!(env!("OUT_DIR"), "/i18n/mod.rs"));

#[cfg(feature = "data")]
mod data {
    use leptos::prelude::*;

    #[derive(Clone, Debug, serde::Deserialize, PartialEq)]
    struct Item {
        id: String,
        title: String,
        lead: String,
        tags: Vec<String>,
        views: Option<u64>,
    }

    #[derive(Debug, Clone)]
    struct Failed(String);

    impl std::fmt::Display for Failed {
        fn fmt(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
            f.write_str(&self.0)
        }
    }

    impl std::error::Error for Failed {}

    async fn load(path: String) -> Result<Vec<Item>, Failed> {
        let response = gloo_net::http::Request::get(&path).send().await.map_err(|e| Failed(e.to_string()))?;
        let text = response.text().await.map_err(|e| Failed(e.to_string()))?;
        serde_json::from_str(&text).map_err(|e| Failed(e.to_string()))
    }

    #[component]
    pub fn Items() -> impl IntoView {
        let params = leptos_router::hooks::use_params_map();
        let items = LocalResource::new(move || load(format!("/api/{}.json", params.read().get("id").unwrap_or_default())));
        view! {
            <Suspense fallback=|| view! { <p>"loading"</p> }>
                <ErrorBoundary fallback=|errors| view! { <p role="alert">{move || errors.get().into_iter().next().map(|(_, e)| e.to_string())}</p> }>
                    {move || Suspend::new(async move {
                        let items = items.await?;
                        Ok::<_, Failed>(view! {
                            <ul>
                                {items.into_iter().map(|i| view! {
                                    <li id=i.id>{i.title}" "{i.lead}" "{i.tags.join(",")}" "{i.views.unwrap_or(0)}</li>
                                }).collect_view()}
                            </ul>
                        })
                    })}
                </ErrorBoundary>
            </Suspense>
        }
    }
}

#[cfg(feature = "strings")]
mod strings {
    use leptos::prelude::*;

    #[derive(Clone, Copy, PartialEq)]
    enum Lang {
        En,
        Ru,
    }

    struct Strings {
        menu: &'static str,
        sections: &'static str,
    }

    const ALL: [Strings; 4] = [
        Strings { menu: "Menu", sections: "Sections" },
        Strings { menu: "Меню", sections: "Разделы" },
        Strings { menu: "Մենյու", sections: "Բաժիններ" },
        Strings { menu: "Menyu", sections: "Bölmələr" },
    ];

    #[component]
    pub fn Hello() -> impl IntoView {
        let lang = RwSignal::new(Lang::En);
        provide_context(lang);
        let s = move || &ALL[lang.get() as usize];
        Effect::new(move || {
            let code = if lang.get() == Lang::En { "en" } else { "ru" };
            let _ = document().document_element().map(|html| html.set_attribute("lang", code));
        });
        view! { <p>{move || s().menu}</p> <button on:click=move |_| lang.set(Lang::Ru)>{move || s().sections}</button> }
    }
}

#[cfg(feature = "leptos_i18n")]
#[component]
fn Hello() -> impl IntoView {
    use crate::i18n::*;
    let i18n = use_i18n();
    view! { <p>{t!(i18n, nav.menu)}</p> <button on:click=move |_| i18n.set_locale(Locale::ru)>{t!(i18n, nav.sections)}</button> }
}

#[component]
fn App() -> impl IntoView {
    #[cfg(feature = "meta")]
    leptos_meta::provide_meta_context();
    #[cfg(not(feature = "router"))]
    {
        view! { <h1>"hello"</h1> }
    }
    #[cfg(feature = "router")]
    {
        use leptos_router::components::*;
        use leptos_router::path;
        #[cfg(feature = "data")]
        let page = data::Items;
        #[cfg(not(feature = "data"))]
        let page = || view! { <p>"page"</p> };
        view! {
            <Router>
                {
                    #[cfg(feature = "meta")]
                    view! { <leptos_meta::Title text="t"/><leptos_meta::Meta name="description" content="d"/> }
                }
                {
                    #[cfg(feature = "strings")]
                    view! { <strings::Hello/> }
                }
                {
                    #[cfg(feature = "leptos_i18n")]
                    view! { <crate::i18n::I18nContextProvider><Hello/></crate::i18n::I18nContextProvider> }
                }
                <nav><A href="/a/1">"one"</A><A href="/b">"two"</A></nav>
                <main>
                    <Routes fallback=|| "not found">
                        <Route path=path!("/a/:id") view=page/>
                        <Route path=path!("/b") view=|| view! { <p>"b"</p> }/>
                        <Route path=path!("/") view=|| view! { <p>"home"</p> }/>
                    </Routes>
                </main>
            </Router>
        }
    }
}

fn main() {
    leptos::mount::mount_to_body(App);
}
