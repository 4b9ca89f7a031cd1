//! Entry point of the browser build: trunk compiles this binary to Wasm.

fn main() {
    vestnik::start();
}
