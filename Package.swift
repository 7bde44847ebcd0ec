// swift-tools-version: 6.0
import PackageDescription

let package = Package(
    name: "trendplot",
    products: [
        .executable(name: "trendplot", targets: ["trendplot"]),
        .library(name: "SeriesModel", targets: ["SeriesModel"]),
        .library(name: "ReportReading", targets: ["ReportReading"]),
        .library(name: "Charts", targets: ["Charts"]),
        .library(name: "Publishing", targets: ["Publishing"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/yaslab/CSV.swift", from: "2.5.2"),
        .package(url: "https://github.com/jpsim/Yams", from: "6.2.2"),
        .package(url: "https://github.com/apple/swift-system", from: "1.8.1"),
        .package(url: "https://github.com/weichsel/ZIPFoundation", from: "0.9.20"),
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
            // zlib for the PNG encoder. Not "CZlib": ZIPFoundation's Linux build defines a module of that name.
            name: "CDeflate",
            path: "Sources/CDeflate",
            pkgConfig: "zlib",
            providers: [.apt(["zlib1g-dev"])]
        ),
        .systemLibrary(
            // libxlsxwriter for the XLSX workbooks (Publishing/Workbook).
            name: "CXlsxWriter",
            path: "Sources/CXlsxWriter",
            pkgConfig: "xlsxwriter",
            providers: [.apt(["libxlsxwriter-dev"])]
        ),
        // The data path, bottom up: SeriesModel (data, dataset, analytics; no C) → ReportReading (report files →
        // extraction → checks → the input loader) → Charts (a generic chart engine) → Publishing (views, briefing,
        // batch export) → the CLI.
        .target(
            name: "SeriesModel",
            dependencies: [
                .product(name: "CSV", package: "CSV.swift"),
                .product(name: "Yams", package: "Yams"),
            ]
        ),
        .target(name: "ReportReading", dependencies: [
            "SeriesModel", "CLibXML2", "PDFInput", .product(name: "ZIPFoundation", package: "ZIPFoundation"),
        ]),
        .target(name: "Charts", dependencies: ["SeriesModel", "CCairo", "CDeflate", .product(name: "Yams", package: "Yams")]),
        .target(name: "Publishing", dependencies: [
            "SeriesModel", "ReportReading", "Charts", "CXlsxWriter", "CLibXML2", .product(name: "SystemPackage", package: "swift-system"),
            .product(name: "ZIPFoundation", package: "ZIPFoundation"),
        ]),
        .executableTarget(
            name: "trendplot",
            dependencies: [
                "SeriesModel", "ReportReading", "Charts", "Publishing",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
                .product(name: "Yams", package: "Yams"),
            ]
        ),
        // `make bench` only: the reference workload renderer (raw cairo included); not part of the product.
        .executableTarget(
            name: "trendplot-bench",
            dependencies: [
                "SeriesModel", "Charts", "Publishing", "CCairo", "TestSupport",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        .target(name: "TestSupport", dependencies: ["SeriesModel", "Charts", "Publishing", .product(name: "ZIPFoundation", package: "ZIPFoundation")], path: "Tests/TestSupport"),
        .testTarget(name: "SeriesModelTests", dependencies: ["SeriesModel", "TestSupport"], exclude: ["Fixtures"]),
        .testTarget(name: "ReportReadingTests", dependencies: ["ReportReading", "SeriesModel", "TestSupport",
                                                               .product(name: "ZIPFoundation", package: "ZIPFoundation")],
                    exclude: ["Fixtures"]),
        .testTarget(name: "ChartsTests", dependencies: ["Charts", "Publishing", "SeriesModel", "TestSupport"], exclude: ["Fixtures"]),
        .testTarget(name: "PublishingTests", dependencies: ["Publishing", "Charts", "ReportReading", "SeriesModel", "TestSupport", "CLibXML2",
                                                    "CPoppler", .product(name: "ZIPFoundation", package: "ZIPFoundation")]),
        .testTarget(name: "trendplotTests", dependencies: ["trendplot", "Publishing", "ReportReading", "SeriesModel", "Charts", "TestSupport"]),
        .testTarget(name: "BenchTests", dependencies: ["trendplot-bench", "Publishing", "SeriesModel"]),
        // PDF reading (issue 13): poppler-glib behind CPoppler; PDFInput depends on nothing else of the project.
        .systemLibrary(
            name: "CPoppler",
            path: "Sources/CPoppler",
            pkgConfig: "poppler-glib",
            providers: [.apt(["libpoppler-glib-dev", "poppler-data"])]
        ),
        // OCR of scanned pages (tesseract's C API, chi_sim + eng); used by PDFInput for pages without a usable text
        // layer. Header only: PDFInput dlopens libtesseract.so.5 when a page needs OCR (not linked, so the libraries
        // it pulls in do not slow every process's start).
        .systemLibrary(
            name: "CTesseract",
            path: "Sources/CTesseract",
            providers: [.apt(["libtesseract-dev", "tesseract-ocr-chi-sim", "tesseract-ocr-eng"])]
        ),
        .target(name: "PDFInput", dependencies: ["CPoppler", "CTesseract"]),
        .testTarget(name: "PDFInputTests", dependencies: ["PDFInput"], exclude: ["Fixtures"]),
    ],
    swiftLanguageModes: [.v6]
)
