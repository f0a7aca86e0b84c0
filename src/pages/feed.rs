//! `/{lang}/` (latest) and `/{lang}/{section}`, and their later pages (`…/page/{n}`): the section
//! box, the feed with infinite loading, most read and the ad slot. "Load more" is a link to the
//! next page, so that a reader without scripts walks the archive page by page; the app loads the
//! next page in place instead.
use crate::api::{ApiError, Section, LATEST};
use crate::components::ad_slot::AdSlot;
use crate::components::error_view::ErrorView;
use crate::components::head_tags::HeadTags;
use crate::components::later::Later;
use crate::components::most_read::MostRead;
use crate::components::section_box::SectionBox;
use crate::components::skeleton::FeedSkeleton;
use crate::components::story_card::StoryCard;
use crate::context::use_frame;
use crate::head::PageHead;
use crate::i18n::use_i18n;
use crate::pages::new_stories::NewStories;
use crate::pages::not_found::{page_error_view, NotFound};
use crate::pages::use_feed::{use_feed, FeedStatus, UseFeedReturn};
use leptos::prelude::*;
use leptos_router::hooks::use_params_map;
use leptos_use_intersection_observer::{use_intersection_observer_with_options, UseIntersectionObserverOptions};

#[component]
pub fn FeedPage() -> impl IntoView {
    let params = use_params_map();
    let frame = use_frame();
    let key = Memo::new(move |_| {
        let params = params.read();
        let page = params.get("page").map_or(Some(1), |text| crate::route::later_page(&text));
        (frame.lang.get(), params.get("section").unwrap_or_else(|| LATEST.into()), page)
    });
    move || {
        let (lang, feed, page) = key.get();
        match page {
            Some(page) => view! { <FeedView lang feed page/> }.into_any(),
            None => view! { <NotFound/> }.into_any(),
        }
    }
}

#[component]
fn FeedView(lang: String, feed: String, page: u32) -> impl IntoView {
    let frame = use_frame();
    let section = frame.edition.sections.iter().find(|s| s.slug == feed).cloned();
    if feed != LATEST && section.is_none() {
        return view! { <NotFound/> }.into_any();
    }
    let feed_state = use_feed(lang.clone(), feed, page);
    // Back/Forward into a feed drawn from memory: put the reader where they were.
    let came_back = crate::nav::take_history_navigation();
    if let (true, Some(y)) = (came_back, feed_state.restored_scroll) {
        request_animation_frame(move || window().scroll_to_with_x_and_y(0.0, y));
    }
    let total = feed_state.total;
    let site = frame.site.clone();
    let head_section = section.clone();
    // The link to the next page needs the feed's length: it follows the first page's arrival.
    let head = move || {
        let total = total.get().unwrap_or(page);
        view! { <HeadTags head=PageHead::feed(&site, &lang, head_section.as_ref(), page, total)/> }
    };
    // Drawn a task after the feed while the app starts (`Later`).
    view! {
        <Later>{head.clone()}</Later>
        {feed_layout(section, feed_state)}
    }
    .into_any()
}

/// A feed page's body: the section box (or the front page's title), the feed, most read and the
/// ad slot. The page above draws it around the live feed; `./x publish` around its first page.
pub(crate) fn feed_layout(section: Option<Section>, feed_state: UseFeedReturn) -> impl IntoView {
    let i18n = use_i18n();
    let slug = section.as_ref().map(|s| s.slug.clone());
    let heading = match section {
        Some(section) => view! { <SectionBox section/> }.into_any(),
        None => view! { <h1 class="feed-title">{i18n.get_untracked().feed.latest}</h1> }.into_any(),
    };
    view! {
        <div class="feed-layout" on:click=move |_| feed_state.remember_scroll.run(())>
            <div class="feed-main">
                {heading}
                <FeedList feed=feed_state section=slug/>
            </div>
            <aside class="feed-aside">
                <Later>
                    <MostRead/>
                    <AdSlot/>
                </Later>
            </aside>
        </div>
    }
}

/// How far below the viewport the end of the feed starts the next page's download.
const NEAR_END_PX: i32 = 600;

/// Whether the sentinel at the end of the feed is within [`NEAR_END_PX`] of the viewport now.
fn near_end(sentinel: NodeRef<leptos::html::Div>) -> bool {
    let viewport = window().inner_height().ok().and_then(|h| h.as_f64()).unwrap_or(0.0);
    sentinel.try_get_untracked().flatten().is_some_and(|el| {
        let rect = el.get_bounding_client_rect();
        rect.top() < viewport + f64::from(NEAR_END_PX) && rect.bottom() > -f64::from(NEAR_END_PX)
    })
}

/// The stories, and the links to the feed's newer and next pages: `section` `None` on the front page.
#[component]
fn FeedList(feed: UseFeedReturn, section: Option<String>) -> impl IntoView {
    let i18n = use_i18n();
    let lang = use_frame().lang.get_untracked();
    let show_section = section.is_none();
    let UseFeedReturn { items, status, first, loaded, load_more, .. } = feed;
    let target = StoredValue::new((lang, section));
    let page_href = move |page: u32| {
        target.with_value(|(lang, section)| {
            crate::config::href(&crate::route::feed_page_path(lang, section.as_deref(), page))
        })
    };
    // Newer stories are offered over the feed's own first page, not over a later page's address.
    let new_stories = (first == 1).then(|| {
        let (lang, feed) =
            target.with_value(|(lang, section)| (lang.clone(), section.clone().unwrap_or_else(|| LATEST.into())));
        view! { <NewStories lang feed items/> }
    });
    let newer = (first > 1).then(|| {
        view! { <a class="button feed-newer" href=page_href(first - 1) rel="prev">{i18n.get_untracked().feed.newer}</a> }
    });
    let sentinel = NodeRef::<leptos::html::Div>::new();
    let sentinel_visible = RwSignal::new(false);
    // Without IntersectionObserver (old browsers, some embedded views) the button does the work.
    // (Nor when `./x publish` draws the page: there is no browser.)
    let observable = cfg!(target_arch = "wasm32")
        && js_sys::Reflect::has(&window(), &"IntersectionObserver".into()).unwrap_or(false);
    observable.then(|| {
        use_intersection_observer_with_options(
            sentinel,
            move |entries, _| {
                if let Some(entry) = entries.first() {
                    sentinel_visible.try_set(entry.is_intersecting());
                }
            },
            UseIntersectionObserverOptions::default().root_margin(format!("{NEAR_END_PX}px 0px")),
        )
    });
    // Near the end, and nothing on its way: fetch the next page. Runs again after each page,
    // so a tall screen keeps filling until the sentinel leaves the viewport. The observer's last
    // word may be older than the stories just drawn (a page's first stories are drawn a task
    // before the rest), so the sentinel is measured again once they are laid out. The observer's
    // callback and the frame may come after the reader has left the feed: then they do nothing.
    Effect::new(move |_| {
        if sentinel_visible.get() && status.get() == FeedStatus::Ready && !items.with(Vec::is_empty) {
            request_animation_frame(move || {
                if status.try_get_untracked() == Some(FeedStatus::Ready) && near_end(sentinel) {
                    load_more.run(());
                }
            });
        }
    });
    let loading = move || status.get() == FeedStatus::Loading;
    let set_size =
        Signal::derive(move || if status.get() == FeedStatus::Done { items.with(Vec::len) as i32 } else { -1 });
    let first_page_error = move || match status.get() {
        FeedStatus::Failed(error) if items.with(Vec::is_empty) => Some(error),
        _ => None,
    };
    view! {
        {new_stories}
        {newer}
        // The feed's first page is the page's own document: missing, the page is not found.
        <Show when=move || first_page_error().is_none()
            fallback=move || page_error_view(first_page_error().unwrap_or(ApiError::Offline), load_more)>
            <Show when=move || !(loading() && items.with(Vec::is_empty)) fallback=|| view! { <FeedSkeleton/> }>
                <div role="feed" class="feed" aria-busy=move || loading().to_string() aria-label=i18n.get_untracked().feed.latest.to_string()>
                    <For each=move || items.get().into_iter().enumerate() key=|(_, s)| s.id.clone() let:((index, summary))>
                        <StoryCard summary show_section eager=index < 2 position=(index, set_size)/>
                    </For>
                </div>
            </Show>
        </Show>
        // While the next page is on its way, a screen's height of placeholder stands where its
        // stories will be: what follows (the feed's end, the footer) has left the screen before
        // they arrive, and they replace the placeholder, so nothing the reader sees moves.
        <Show when=move || loading() && !items.with(Vec::is_empty)>
            <div class="feed-reserve"><FeedSkeleton/></div>
        </Show>
        <div class="feed-end">
            <div node_ref=sentinel class="feed-sentinel" aria-hidden="true"></div>
            <p class="feed-status" role="status">
                {move || match status.try_get().unwrap_or(FeedStatus::Ready) {
                    FeedStatus::Loading => i18n.get().feed.loading.to_string(),
                    FeedStatus::Done => i18n.get().feed.no_more.to_string(),
                    _ => String::new(),
                }}
            </p>
            {move || match status.get() {
                FeedStatus::Failed(error) if !items.with(Vec::is_empty) => Some(view! {
                    <ErrorView error retry=move |_| load_more.run(()) title=i18n.get_untracked().feed.page_error.to_string()/>
                }),
                _ => None,
            }}
            // A link to the next page, which the app loads in place instead.
            <Show when=move || matches!(status.get(), FeedStatus::Ready | FeedStatus::Loading)>
                <a class="button load-more" href=move || page_href(loaded.get() + 1) rel="next"
                    on:click=move |event| { event.prevent_default(); load_more.run(()) }
                    aria-disabled=move || loading().to_string()>
                    {i18n.get_untracked().feed.load_more}
                </a>
            </Show>
        </div>
    }
}
