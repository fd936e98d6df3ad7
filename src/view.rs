//! The views on the tab bar, in one table: the tab bar, the keys that show
//! them, the saved session and the help all list them from here.

use serde::{Deserialize, Serialize};
use strum::{EnumIter, IntoEnumIterator as _, IntoStaticStr};

/// A view the reader shows. Its name (`reader`, …) is what the state file
/// keeps; its label is the tab's.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, Hash, EnumIter, IntoStaticStr, Serialize, Deserialize,
)]
#[serde(rename_all = "lowercase")]
#[strum(serialize_all = "lowercase")]
pub enum View {
    Reader,
    Compare,
    Places,
    Notes,
}

impl View {
    /// Every view, in tab order.
    pub fn all() -> impl Iterator<Item = View> {
        View::iter()
    }

    /// The tab's label.
    #[must_use]
    pub fn label(self) -> &'static str {
        match self {
            View::Reader => "阅读",
            View::Compare => "国内外对照",
            View::Places => "地点索引",
            View::Notes => "笔记",
        }
    }

    /// The name the state file keeps.
    #[must_use]
    pub fn name(self) -> &'static str {
        self.into()
    }
}

#[cfg(test)]
mod tests {
    use super::View;

    #[test]
    fn the_saved_names_stay_as_written_in_state_files() {
        let names: Vec<&str> = View::all().map(View::name).collect();
        assert_eq!(names, ["reader", "compare", "places", "notes"]);
        for v in View::all() {
            let json = serde_json::to_string(&v).unwrap();
            assert_eq!(json, format!("\"{}\"", v.name()));
            assert_eq!(serde_json::from_str::<View>(&json).unwrap(), v);
        }
    }
}
