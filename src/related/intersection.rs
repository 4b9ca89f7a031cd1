//! A small owner of an `IntersectionObserver`: the feed uses one to load the
//! next page before the reader gets there, and one to window its chunks.

use wasm_bindgen::JsCast;
use wasm_bindgen::prelude::Closure;
use web_sys::{Element, IntersectionObserver, IntersectionObserverEntry, IntersectionObserverInit};

type EntriesCallback = Closure<dyn FnMut(js_sys::Array, IntersectionObserver)>;

/// Calls back for every element that enters or leaves the viewport grown by a
/// margin; disconnects when dropped.
pub struct Intersections {
    observer: IntersectionObserver,
    // Kept alive as long as the observer may call it.
    _callback: EntriesCallback,
}

impl Intersections {
    /// An observer of the viewport grown by `root_margin` (CSS margin syntax);
    /// `None` where the browser has no IntersectionObserver, and callers then
    /// fall back to showing everything and a "show more" button.
    pub fn new(
        root_margin: &str,
        mut on_entry: impl FnMut(&IntersectionObserverEntry) + 'static,
    ) -> Option<Self> {
        let callback: EntriesCallback =
            Closure::new(move |entries: js_sys::Array, _: IntersectionObserver| {
                for entry in entries.iter() {
                    if let Ok(entry) = entry.dyn_into::<IntersectionObserverEntry>() {
                        on_entry(&entry);
                    }
                }
            });
        let options = IntersectionObserverInit::new();
        options.set_root_margin(root_margin);
        let observer =
            IntersectionObserver::new_with_options(callback.as_ref().unchecked_ref(), &options)
                .ok()?;
        Some(Self {
            observer,
            _callback: callback,
        })
    }

    /// Starts watching `element`; the first report comes at once.
    pub fn observe(&self, element: &Element) {
        self.observer.observe(element);
    }

    /// Stops watching `element`.
    pub fn unobserve(&self, element: &Element) {
        self.observer.unobserve(element);
    }

    /// Asks again about `element`: the observer only reports changes, so an
    /// element that stayed in view after the list grew would go unreported.
    pub fn recheck(&self, element: &Element) {
        self.observer.unobserve(element);
        self.observer.observe(element);
    }
}

impl Drop for Intersections {
    fn drop(&mut self) {
        self.observer.disconnect();
    }
}
