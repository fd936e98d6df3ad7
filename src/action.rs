//! Everything a user can do, as data: every key, click and resize becomes an
//! `Action` that `App::update` applies.

use std::sync::Arc;

use crate::content::{Library, Mentions, NodeId};
use crate::search::{Outcome, SearchIndex};

#[derive(Debug, Clone)]
pub enum Action {
    Quit,
    /// Ctrl-Z: hand the terminal back to the shell until `fg`.
    Suspend,
    ToggleHelp,
    /// Esc: close whatever is on top, else clear search highlights.
    Close,
    FocusNext,
    ToggleTree,

    TreeUp,
    TreeDown,
    TreeTop,
    TreeBottom,
    TreeExpand,
    /// On an open node, close it; on a leaf or closed node, go to the parent.
    TreeCollapse,
    /// Open the selected node in the reader.
    TreeOpen,
    /// Select a node and open it in the reader (a click on the tree).
    Select(NodeId),

    ScrollDown,
    ScrollUp,
    PageDown,
    PageUp,
    HalfPageDown,
    HalfPageUp,
    ScrollTop,
    ScrollBottom,
    PrevPart,
    NextPart,
    /// `+` and `-`: a wider or narrower measure of text.
    WiderMeasure,
    NarrowerMeasure,
    /// `m`: bookmark the paragraph at the top of the reader, or unmark it.
    ToggleBookmark,
    /// `'`: the list of bookmarks; `d` in it deletes one.
    OpenBookmarks,
    DeleteBookmark,
    /// Ctrl-r in the search line: the newest earlier search holding what is typed.
    HistorySearch,
    /// `y`: copy the paragraph being read, with its source; `Y` its section.
    Copy,
    CopySection,
    /// Back and forward through the jump list.
    JumpBack,
    JumpForward,
    /// Step through the hits of the last search in the article.
    NextHit,
    PrevHit,

    OpenSearch,
    /// Type a character into the search line.
    Insert(char),
    /// Pasted text, as one edit of the search line or the picker.
    Paste(String),
    Backspace,
    CaretLeft,
    CaretRight,
    CaretHome,
    CaretEnd,
    /// Ctrl-U: delete back to the start of the line.
    DeleteToStart,
    /// Ctrl-W: delete the word before the caret.
    DeleteWord,
    ResultUp,
    ResultDown,
    /// Jump to the selected result.
    OpenResult,
    /// A search finished: the query serial it answers, and what it found.
    SearchDone(u64, Arc<Outcome>),
    /// The place index's mentions were found, in this collection.
    PlacesFound(Arc<Library>, Arc<Mentions>),

    /// Show the view at this tab (from 1, as the tab bar numbers them).
    Show(usize),
    /// From the reader or the tree: the part there becomes one side of the
    /// comparison (the second such part, the other).
    CompareHere,
    /// In the comparison: back to the collection's own two parts.
    DefaultSides,
    /// Between two versions: the next or previous changed paragraph.
    NextChange,
    PrevChange,
    /// In the comparison: the other side; the next or previous lesson pair.
    OtherSide,
    /// The domestic side, and the foreign one.
    DomesticSide,
    ForeignSide,
    LessonDown,
    LessonUp,
    /// Open the selected lesson (or place mention) in the reader.
    OpenLesson,
    ToggleSync,
    /// The place picker, and choosing from it.
    OpenPlaces,
    PickPlace,
    ClearPlace,
    /// In the place index: the next or previous mention.
    MentionDown,
    MentionUp,

    /// Study notes: select a passage sentence by sentence or clause by
    /// clause, write a note on it or highlight it.
    StartSelection,
    GrowSentence,
    ShrinkSentence,
    GrowClause,
    ShrinkClause,
    /// The selection on to the next sentence, or back to the one before:
    /// where a note starts is anywhere in the section, not only on screen.
    NextSentence,
    PrevSentence,
    Annotate,
    Highlight,
    /// In the editor: the next kind, a line break, save.
    NextKind,
    NewLine,
    SaveNote,
    NextNote,
    PrevNote,
    EditNote,
    DeleteNote,
    UndoDelete,
    /// In the notes view: filter by words, by kind.
    FilterNotes,
    NextKindFilter,

    Resize(u16, u16),
    /// A click and the wheel where the pointer is: `App::update` turns them
    /// into the actions below, by what is drawn there.
    Click(u16, u16),
    WheelDown(u16, u16),
    WheelUp(u16, u16),
    /// The left button held down while the pointer moves.
    Drag(u16, u16),
    /// A press, and a drag, on a character of the reader's text: a
    /// paragraph and the byte of the character.
    PressAt(crate::content::Anchor, usize),
    DragTo(crate::content::Anchor, usize),
    /// Focus a pane of the reader (a click on it).
    Focus(Pane),
    /// Scroll the pane under the pointer, in rows (selections, for lists).
    Wheel(Pane, isize),
    /// Choose the `i`th result, place or bookmark listed (a click on it).
    OpenResultAt(usize),
    PickPlaceAt(usize),
    OpenBookmarkAt(usize),

    /// More of a collection that is loading, indexed; how many files that
    /// is, or None for the whole.
    Adopt(Arc<SearchIndex>, Option<usize>),
    /// The state file was written (what it holds now, other readers' marks
    /// included), or could not be, and why.
    Saved(Result<crate::state::Saved, String>),
    NotesSaved(Result<crate::notes::Notebook, String>),
    /// Something the runtime has to say in the status bar.
    Notice(String),
    /// Something that stays in the status bar until Esc dismisses it.
    Warn(String),
    /// At the start: the session the state file kept, and the notes.
    Restore(Box<crate::state::Saved>),
    RecallNotes(Box<crate::notes::Notebook>),
    /// A big collection loading behind what is shown, or loaded.
    Loading(Option<crate::content::Loading>),
}

/// A pane a click or the wheel lands on.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Pane {
    Tree,
    Reader,
    /// A side of the comparison: 0 domestic, 1 foreign.
    Side(usize),
    Places,
}

impl Action {
    /// The same intent, whatever data an input carries: what a key table
    /// row and a hint are matched by.
    #[must_use]
    pub fn same(&self, other: &Action) -> bool {
        match (self, other) {
            (Action::Show(a), Action::Show(b)) => a == b,
            (a, b) => std::mem::discriminant(a) == std::mem::discriminant(b),
        }
    }
}
