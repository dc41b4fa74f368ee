"""The claim language: claims as plain data, and the parser that makes them."""
