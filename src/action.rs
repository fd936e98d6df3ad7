//! Everything a user can do, as data: every key, click and resize becomes an
//! `Action` that `App::update` applies.

use crate::content::NodeId;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Action {
    Quit,
    ToggleHelp,
    /// Esc: close whatever is on top.
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

    Resize(u16, u16),
    Click(u16, u16),
    WheelDown(u16, u16),
    WheelUp(u16, u16),
}
