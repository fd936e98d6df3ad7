//! What `App::update` hands back for the runtime to carry out: work off the
//! UI thread, output to the terminal, the state file. The runtime reads no
//! state to find work; it does what these say.

use std::sync::Arc;

use crate::content::Library;
use crate::state::Saved;

#[derive(Debug, Clone)]
pub enum Effect {
    /// Run this query for its best `limit` hits (its serial is what the
    /// answer must carry).
    Search {
        serial: u64,
        query: String,
        limit: usize,
    },
    /// Stop the search that is running: nobody waits for it.
    CancelSearch,
    /// Find the place index's mentions in this collection.
    FindMentions(Arc<Library>),
    /// Put this text on the terminal's clipboard.
    Copy(String),
    /// Write the state file: the session, with the bookmarks deleted in it
    /// (which a merge with another reader's file must not bring back).
    Save(Box<Saved>),
    /// Write the notes file (merged with another reader's, as the state is).
    SaveNotes(Box<crate::notes::Notebook>),
    /// Hand the terminal back to the shell until `fg`.
    Suspend,
    Quit,
}
