//! A page's head in the live document: the tags `head::PageHead` computes (the same
//! `./x publish` writes), put in `<head>` through leptos_meta, which removes them when the page goes.
use crate::head::{PageHead, Tag, ATOM};
use leptos::prelude::*;
use leptos_meta::{Link, Meta, Script, Title};

#[component]
pub fn HeadTags(head: PageHead) -> impl IntoView {
    head.tags()
        .into_iter()
        .map(|tag| match tag {
            Tag::Title(text) => view! { <Title text/> }.into_any(),
            Tag::Name(name, content) => view! { <Meta name content/> }.into_any(),
            Tag::Property(property, content) => view! { <Meta property content/> }.into_any(),
            Tag::Link { rel, href, hreflang: Some(hreflang), .. } => view! { <Link rel href hreflang/> }.into_any(),
            Tag::Link { rel, href, feed_title: Some(title), .. } => {
                view! { <Link rel href type_=ATOM title/> }.into_any()
            }
            Tag::Link { rel, href, .. } => view! { <Link rel href/> }.into_any(),
            Tag::JsonLd(json) => view! { <Script type_="application/ld+json">{json}</Script> }.into_any(),
        })
        .collect_view()
}
