//! A node's paragraphs, end to end in one string.

use std::fmt;

/// A node's paragraphs in one allocation: a ten-year archive has millions
/// of them, and a `String` each cost 24 bytes and an allocation apiece.
#[derive(Clone, Default, PartialEq, Eq)]
pub struct Paragraphs {
    text: Box<str>,
    /// Where each paragraph ends in `text`.
    ends: Box<[u32]>,
}

impl Paragraphs {
    #[must_use]
    pub fn len(&self) -> usize {
        self.ends.len()
    }

    #[must_use]
    pub fn is_empty(&self) -> bool {
        self.ends.is_empty()
    }

    /// The paragraphs' bytes, all told.
    #[must_use]
    pub fn bytes(&self) -> usize {
        self.text.len()
    }

    #[must_use]
    pub fn get(&self, i: usize) -> Option<&str> {
        let end = *self.ends.get(i)? as usize;
        let start = i.checked_sub(1).map_or(0, |p| self.ends[p] as usize);
        Some(&self.text[start..end])
    }

    #[must_use]
    pub fn first(&self) -> Option<&str> {
        self.get(0)
    }

    /// Each paragraph, in order.
    #[must_use]
    pub fn iter(&self) -> Iter<'_> {
        Iter {
            of: self,
            left: 0..self.len(),
        }
    }
}

impl<S: AsRef<str>> FromIterator<S> for Paragraphs {
    /// # Panics
    /// If a node's paragraphs pass 4 GiB, which files of at most 8 MiB
    /// cannot make.
    fn from_iter<I: IntoIterator<Item = S>>(paragraphs: I) -> Self {
        // Gathered first, so the text is allocated once at its size.
        let paragraphs: Vec<S> = paragraphs.into_iter().collect();
        let mut text = String::with_capacity(paragraphs.iter().map(|p| p.as_ref().len()).sum());
        let mut ends = Vec::with_capacity(paragraphs.len());
        for p in paragraphs {
            text.push_str(p.as_ref());
            ends.push(u32::try_from(text.len()).expect("a node's text fits 4 GiB"));
        }
        Paragraphs {
            text: text.into_boxed_str(),
            ends: ends.into_boxed_slice(),
        }
    }
}

/// The paragraphs of a node, in order.
#[derive(Clone)]
pub struct Iter<'a> {
    of: &'a Paragraphs,
    left: std::ops::Range<usize>,
}

impl<'a> Iterator for Iter<'a> {
    type Item = &'a str;
    fn next(&mut self) -> Option<&'a str> {
        self.left.next().and_then(|i| self.of.get(i))
    }
    fn size_hint(&self) -> (usize, Option<usize>) {
        self.left.size_hint()
    }
}

impl DoubleEndedIterator for Iter<'_> {
    fn next_back(&mut self) -> Option<Self::Item> {
        self.left.next_back().and_then(|i| self.of.get(i))
    }
}

impl ExactSizeIterator for Iter<'_> {}

impl<'a> IntoIterator for &'a Paragraphs {
    type Item = &'a str;
    type IntoIter = Iter<'a>;
    fn into_iter(self) -> Iter<'a> {
        self.iter()
    }
}

impl fmt::Debug for Paragraphs {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_list().entries(self.iter()).finish()
    }
}

impl serde::Serialize for Paragraphs {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_seq(self.iter())
    }
}

impl<'de> serde::Deserialize<'de> for Paragraphs {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct Seq;
        impl<'de> serde::de::Visitor<'de> for Seq {
            type Value = Paragraphs;
            fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str("a list of paragraphs")
            }
            fn visit_seq<A>(self, mut seq: A) -> Result<Paragraphs, A::Error>
            where
                A: serde::de::SeqAccess<'de>,
            {
                let mut text = String::new();
                let mut ends = Vec::with_capacity(seq.size_hint().unwrap_or(0));
                while seq.next_element_seed(AppendTo(&mut text))?.is_some() {
                    let end = u32::try_from(text.len()).map_err(serde::de::Error::custom)?;
                    ends.push(end);
                }
                Ok(Paragraphs {
                    text: text.into_boxed_str(),
                    ends: ends.into_boxed_slice(),
                })
            }
        }
        deserializer.deserialize_seq(Seq)
    }
}

/// Reads one paragraph onto the end of the text read so far, with no
/// string of its own.
struct AppendTo<'a>(&'a mut String);

impl<'de> serde::de::DeserializeSeed<'de> for AppendTo<'_> {
    type Value = ();
    fn deserialize<D: serde::Deserializer<'de>>(self, deserializer: D) -> Result<(), D::Error> {
        deserializer.deserialize_string(self)
    }
}

impl serde::de::Visitor<'_> for AppendTo<'_> {
    type Value = ();
    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("a paragraph")
    }
    fn visit_str<E>(self, s: &str) -> Result<(), E> {
        self.0.push_str(s);
        Ok(())
    }
}

/// A list read into a vector of its length exactly (serde's own reserves
/// at most a megabyte, then doubles: a cached library's nodes would hold
/// up to twice their size for the whole session). What a list says of its
/// length reserves at most 256 MiB, whatever a file claims.
pub(super) fn exact<'de, D, T>(deserializer: D) -> Result<Vec<T>, D::Error>
where
    D: serde::Deserializer<'de>,
    T: serde::Deserialize<'de>,
{
    struct Seq<T>(std::marker::PhantomData<T>);
    impl<'de, T: serde::Deserialize<'de>> serde::de::Visitor<'de> for Seq<T> {
        type Value = Vec<T>;
        fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
            f.write_str("a list")
        }
        fn visit_seq<A>(self, mut seq: A) -> Result<Vec<T>, A::Error>
        where
            A: serde::de::SeqAccess<'de>,
        {
            let most = (256 << 20) / std::mem::size_of::<T>().max(1);
            let mut out = Vec::with_capacity(seq.size_hint().unwrap_or(0).min(most));
            while let Some(item) = seq.next_element()? {
                out.push(item);
            }
            Ok(out)
        }
    }
    deserializer.deserialize_seq(Seq(std::marker::PhantomData))
}

#[cfg(test)]
mod tests {
    use super::Paragraphs;

    #[test]
    fn paragraphs_keep_their_bounds() {
        let p: Paragraphs = ["宁波", "", "制造业"].into_iter().collect();
        assert_eq!(p.len(), 3);
        assert_eq!(p.iter().collect::<Vec<_>>(), ["宁波", "", "制造业"]);
        assert_eq!(
            (p.first(), p.get(2), p.get(3)),
            (Some("宁波"), Some("制造业"), None)
        );
        assert!(Paragraphs::default().is_empty());
        assert_eq!(format!("{p:?}"), r#"["宁波", "", "制造业"]"#);
    }
}
