//! Drawing a page in more, shorter tasks while the app starts out of sight. WebAssembly compiles
//! each function when it is first called, on the main thread, so the app's first drawing of a
//! page is long work that blocks the reader's input (TBT). While the boot shell is still up (the
//! reader sees the published page or the shell, not the app), [`Later`] draws its children a task
//! after the rest, and the hand-over waits for them (`boot::hand_over`). Once the app is on
//! screen, and when `./x publish` draws a page, the children are drawn at once.
use leptos::prelude::*;

/// `children`, a task later while the app starts; meanwhile an empty, hidden placeholder that the
/// hand-over waits for (`[data-later]`, which `boot::hand_over` looks for).
#[component]
pub(crate) fn Later(children: ChildrenFn) -> impl IntoView {
    if !crate::boot::starting() {
        return children().into_any();
    }
    let due = RwSignal::new(false);
    leptos::task::spawn_local(async move {
        crate::boot::next_task().await;
        due.try_set(true);
    });
    (move || match due.get() {
        true => children().into_any(),
        false => view! { <span data-later hidden></span> }.into_any(),
    })
    .into_any()
}
