//! An article body, block by block. API text is only ever inserted as text nodes; links keep their
//! target only when `links::safe_href` allows it, otherwise the words stay and the link goes.
use crate::api::{Block, Image, Inline};
use crate::links::{safe_href, safe_src};
use crate::prefs::low_data::picture_loading;
use leptos::prelude::*;

#[component]
pub fn ArticleBody(blocks: Vec<Block>) -> impl IntoView {
    view! { <div class="article-body">{blocks.into_iter().map(block).collect_view()}</div> }
}

fn block(block: Block) -> AnyView {
    match block {
        Block::Paragraph { content } => view! { <p>{inlines(content)}</p> }.into_any(),
        Block::Heading { level: 3, text } => view! { <h3>{text}</h3> }.into_any(),
        Block::Heading { text, .. } => view! { <h2>{text}</h2> }.into_any(),
        Block::Quote { content, cite } => view! {
            <figure class="quote">
                <blockquote><p>{inlines(content)}</p></blockquote>
                {cite.map(|c| view! { <figcaption>{c}</figcaption> })}
            </figure>
        }
        .into_any(),
        Block::Image(image) => view! { <Figure image eager=false/> }.into_any(),
        Block::List { ordered: true, items } => view! { <ol>{list_items(items)}</ol> }.into_any(),
        Block::List { items, .. } => view! { <ul>{list_items(items)}</ul> }.into_any(),
        Block::Table { rows, header } => table(rows, header).into_any(),
        Block::Preformatted { text } => view! { <pre class="article-body__pre">{text}</pre> }.into_any(),
    }
}

/// A table in a box of its own that scrolls sideways on a narrow screen, so a wide one never
/// widens the page; keyboard users reach it (`tabindex`) to scroll it.
fn table(mut rows: Vec<Vec<String>>, header: bool) -> impl IntoView {
    let head = (header && !rows.is_empty()).then(|| rows.remove(0));
    // The scrolling box's name: the table's header, else its first row.
    let name = head.as_ref().or(rows.first()).map(|cells| cells.join(", "));
    view! {
        <div class="article-body__table" tabindex="0" role="region" aria-label=name>
            <table>
                {head.map(|cells| view! {
                    <thead><tr>{cells.into_iter().map(|c| view! { <th scope="col">{c}</th> }).collect_view()}</tr></thead>
                })}
                <tbody>
                    {rows.into_iter().map(|cells| view! {
                        <tr>{cells.into_iter().map(|c| view! { <td>{c}</td> }).collect_view()}</tr>
                    }).collect_view()}
                </tbody>
            </table>
        </div>
    }
}

fn list_items(items: Vec<Vec<Inline>>) -> impl IntoView {
    items.into_iter().map(|item| view! { <li>{inlines(item)}</li> }).collect_view()
}

fn inlines(runs: Vec<Inline>) -> impl IntoView {
    runs.into_iter().map(inline).collect_view()
}

fn inline(run: Inline) -> AnyView {
    let target = link_target(&run);
    let text = match (run.bold, run.italic) {
        (true, true) => view! { <strong><em>{run.text}</em></strong> }.into_any(),
        (true, false) => view! { <strong>{run.text}</strong> }.into_any(),
        (false, true) => view! { <em>{run.text}</em> }.into_any(),
        (false, false) => run.text.into_any(),
    };
    match target {
        Some(href) => view! { <a href=href>{text}</a> }.into_any(),
        None => text,
    }
}

/// Where a run of text links to, if it may link at all.
pub fn link_target(run: &Inline) -> Option<String> {
    run.href.as_deref().and_then(safe_href)
}

/// An image with its caption and credit. Width and height reserve the space before it loads.
#[component]
pub fn Figure(image: Image, eager: bool) -> impl IntoView {
    let Image { src, alt, width, height, caption, credit } = image;
    safe_src(&src).map(|src| {
        let has_caption = caption.is_some() || credit.is_some();
        view! {
            <figure class="figure">
                <img src=src alt=alt width=width height=height decoding="async"
                    loading=move || picture_loading(eager)
                    fetchpriority=if eager { Some("high") } else { None }/>
                {has_caption.then(|| view! {
                    <figcaption>
                        {caption}
                        {credit.map(|c| view! { " " <span class="figure__credit">{c}</span> })}
                    </figcaption>
                })}
            </figure>
        }
    })
}
