//! The stable code of an enumeration is its serde name: the one place it is written is the
//! enum's `#[serde(rename_all = …)]` (or a variant's `rename`), and `code()` reads it back
//! through serde, so the JSON format, the bindings and the messages can never disagree.

use std::fmt;

use serde::ser::{Impossible, Serialize, Serializer};

/// The serde name of a unit variant, e.g. `share_above_100` for `ErrorKind::ShareAbove100`;
/// `""` for a value that is not a unit variant (no enum of the crate calls it with one: a test
/// of each enum's codes checks this).
pub(crate) fn serde_name<T: Serialize>(value: &T) -> &'static str {
    value.serialize(NameOf).unwrap_or_default()
}

/// A serializer that only records a unit variant's name.
struct NameOf;

/// What [`NameOf`] returns for anything other than a unit variant.
#[derive(Debug)]
struct NotAName;

impl fmt::Display for NotAName {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("not a unit variant")
    }
}

impl std::error::Error for NotAName {}

impl serde::ser::Error for NotAName {
    fn custom<T: fmt::Display>(_: T) -> NotAName {
        NotAName
    }
}

type Refused = Impossible<&'static str, NotAName>;

impl Serializer for NameOf {
    type Ok = &'static str;
    type Error = NotAName;
    type SerializeSeq = Refused;
    type SerializeTuple = Refused;
    type SerializeTupleStruct = Refused;
    type SerializeTupleVariant = Refused;
    type SerializeMap = Refused;
    type SerializeStruct = Refused;
    type SerializeStructVariant = Refused;

    fn serialize_unit_variant(
        self,
        _: &'static str,
        _: u32,
        variant: &'static str,
    ) -> Result<&'static str, NotAName> {
        Ok(variant)
    }

    fn serialize_bool(self, _: bool) -> Result<&'static str, NotAName> {
        Err(NotAName)
    }
    fn serialize_i8(self, _: i8) -> Result<&'static str, NotAName> {
        Err(NotAName)
    }
    fn serialize_i16(self, _: i16) -> Result<&'static str, NotAName> {
        Err(NotAName)
    }
    fn serialize_i32(self, _: i32) -> Result<&'static str, NotAName> {
        Err(NotAName)
    }
    fn serialize_i64(self, _: i64) -> Result<&'static str, NotAName> {
        Err(NotAName)
    }
    fn serialize_u8(self, _: u8) -> Result<&'static str, NotAName> {
        Err(NotAName)
    }
    fn serialize_u16(self, _: u16) -> Result<&'static str, NotAName> {
        Err(NotAName)
    }
    fn serialize_u32(self, _: u32) -> Result<&'static str, NotAName> {
        Err(NotAName)
    }
    fn serialize_u64(self, _: u64) -> Result<&'static str, NotAName> {
        Err(NotAName)
    }
    fn serialize_f32(self, _: f32) -> Result<&'static str, NotAName> {
        Err(NotAName)
    }
    fn serialize_f64(self, _: f64) -> Result<&'static str, NotAName> {
        Err(NotAName)
    }
    fn serialize_char(self, _: char) -> Result<&'static str, NotAName> {
        Err(NotAName)
    }
    fn serialize_str(self, _: &str) -> Result<&'static str, NotAName> {
        Err(NotAName)
    }
    fn serialize_bytes(self, _: &[u8]) -> Result<&'static str, NotAName> {
        Err(NotAName)
    }
    fn serialize_none(self) -> Result<&'static str, NotAName> {
        Err(NotAName)
    }
    fn serialize_some<T: ?Sized + Serialize>(self, _: &T) -> Result<&'static str, NotAName> {
        Err(NotAName)
    }
    fn serialize_unit(self) -> Result<&'static str, NotAName> {
        Err(NotAName)
    }
    fn serialize_unit_struct(self, _: &'static str) -> Result<&'static str, NotAName> {
        Err(NotAName)
    }
    fn serialize_newtype_struct<T: ?Sized + Serialize>(
        self,
        _: &'static str,
        _: &T,
    ) -> Result<&'static str, NotAName> {
        Err(NotAName)
    }
    fn serialize_newtype_variant<T: ?Sized + Serialize>(
        self,
        _: &'static str,
        _: u32,
        _: &'static str,
        _: &T,
    ) -> Result<&'static str, NotAName> {
        Err(NotAName)
    }
    fn serialize_seq(self, _: Option<usize>) -> Result<Refused, NotAName> {
        Err(NotAName)
    }
    fn serialize_tuple(self, _: usize) -> Result<Refused, NotAName> {
        Err(NotAName)
    }
    fn serialize_tuple_struct(self, _: &'static str, _: usize) -> Result<Refused, NotAName> {
        Err(NotAName)
    }
    fn serialize_tuple_variant(
        self,
        _: &'static str,
        _: u32,
        _: &'static str,
        _: usize,
    ) -> Result<Refused, NotAName> {
        Err(NotAName)
    }
    fn serialize_map(self, _: Option<usize>) -> Result<Refused, NotAName> {
        Err(NotAName)
    }
    fn serialize_struct(self, _: &'static str, _: usize) -> Result<Refused, NotAName> {
        Err(NotAName)
    }
    fn serialize_struct_variant(
        self,
        _: &'static str,
        _: u32,
        _: &'static str,
        _: usize,
    ) -> Result<Refused, NotAName> {
        Err(NotAName)
    }
}
