// swift-tools-version: 6.0
import PackageDescription

let package = Package(
    name: "trendplot",
    products: [
        .executable(name: "trendplot", targets: ["trendplot"]),
        .library(name: "SeriesModel", targets: ["SeriesModel"]),
        .library(name: "Charts", targets: ["Charts"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/yaslab/CSV.swift", from: "2.5.2"),
        .package(url: "https://github.com/jpsim/Yams", from: "6.2.2"),
    ],
    targets: [
        .systemLibrary(
            name: "CCairo",
            path: "Sources/CCairo",
            pkgConfig: "trendplot-pangocairo",
            providers: [.apt(["libcairo2-dev", "libpango1.0-dev"])]   // the .pc file is written by scripts/install-deps.sh
        ),
        .systemLibrary(
            name: "CLibXML2",
            path: "Sources/CLibXML2",
            pkgConfig: "libxml-2.0",
            providers: [.apt(["libxml2-dev"])]
        ),
        .systemLibrary(
            name: "CZlib",
            path: "Sources/CZlib",
            pkgConfig: "zlib",
            providers: [.apt(["zlib1g-dev"])]
        ),
        .target(
            name: "SeriesModel",
            dependencies: [
                "CLibXML2",
                .product(name: "CSV", package: "CSV.swift"),
                .product(name: "Yams", package: "Yams"),
            ]
        ),
        .target(name: "Charts", dependencies: ["SeriesModel", "CCairo", "CZlib", .product(name: "Yams", package: "Yams")]),
        .executableTarget(
            name: "trendplot",
            dependencies: [
                "SeriesModel", "Charts",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        .testTarget(name: "SeriesModelTests", dependencies: ["SeriesModel"], exclude: ["Fixtures"]),
        .testTarget(name: "ChartsTests", dependencies: ["Charts", "SeriesModel"], exclude: ["Fixtures"]),
        .testTarget(name: "trendplotTests", dependencies: ["trendplot"]),
    ],
    swiftLanguageModes: [.v6]
)
