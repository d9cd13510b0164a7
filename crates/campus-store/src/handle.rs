//! Feature handles: `store.evenements()`, `store.equipements()`… borrow the
//! store and carry that feature's queries, so that a call site names the
//! feature it works on and the store's methods are not one flat list.

/// Declares the handle type `$handle` and the method `Store::$method` that
/// lends it. The handle dereferences to the store: a feature's queries use
/// the connection, clock and backend as the store's own methods do.
macro_rules! feature_handle {
    ($(#[$doc:meta])* $handle:ident, $method:ident) => {
        $(#[$doc])*
        #[derive(Clone, Copy, Debug)]
        pub struct $handle<'a> {
            store: &'a crate::Store,
        }

        impl crate::Store {
            $(#[$doc])*
            pub fn $method(&self) -> $handle<'_> {
                $handle { store: self }
            }
        }

        impl std::ops::Deref for $handle<'_> {
            type Target = crate::Store;

            fn deref(&self) -> &crate::Store {
                self.store
            }
        }
    };
}

pub(crate) use feature_handle;
