import Hummingbird

/// The page's files, compiled into the binary: no request path ever reaches the file system.
enum PageAssets {
    static func response(_ bytes: [UInt8], type: String) -> Response {
        JSONBody.bytes(bytes, type: type)
    }
}
