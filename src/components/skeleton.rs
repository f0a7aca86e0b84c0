//! Placeholders of the final size, shown while data is on its way, so nothing jumps when it lands.
use leptos::prelude::*;

/// How many story cards a loading feed shows: more than a phone or a desktop screen holds.
const FEED_SKELETON_CARDS: usize = 6;

/// Story-card shaped placeholders for a feed.
#[component]
pub fn FeedSkeleton() -> impl IntoView {
    view! {
        <div class="feed-skeleton" aria-hidden="true">
            {(0..FEED_SKELETON_CARDS).map(|_| view! {
                <div class="story-card story-card--skeleton">
                    <div class="skeleton skeleton--image"></div>
                    <div class="story-card__text">
                        <div class="skeleton skeleton--title"></div>
                        <div class="skeleton skeleton--line"></div>
                        <div class="skeleton skeleton--line skeleton--short"></div>
                    </div>
                </div>
            }).collect_view()}
        </div>
    }
}

/// An article-shaped placeholder: headline, lead, image and a few lines.
#[component]
pub fn ArticleSkeleton() -> impl IntoView {
    view! {
        <div class="article-skeleton" aria-hidden="true">
            <div class="skeleton skeleton--label"></div>
            <div class="skeleton skeleton--headline"></div>
            <div class="skeleton skeleton--line"></div>
            <div class="skeleton skeleton--hero"></div>
            {(0..6).map(|_| view! { <div class="skeleton skeleton--line"></div> }).collect_view()}
        </div>
    }
}
