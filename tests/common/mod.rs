//! Shared test helpers, by concern: `fixtures` (fixtures read in their formats),
//! `oracles` (outside programs and their skip notices), `strategies` (proptest strategies
//! for realistic UN documents). Not every test crate uses every helper.
#![allow(dead_code, unused_imports)]

mod facts;
mod fixtures;
mod oracles;
mod strategies;

pub use facts::*;
pub use fixtures::*;
pub use oracles::*;
pub use strategies::*;
