{
  "targets": [
    {
      "target_name": "jieba_spans",
      "sources": ["jieba_spans.cc"],
      "include_dirs": [
        "<!(node -p \"require('path').dirname(require.resolve('nodejieba/package.json'))\")/submodules/cppjieba/include",
        "<!(node -p \"require('path').dirname(require.resolve('nodejieba/package.json'))\")/submodules/cppjieba/deps/limonp/include"
      ],
      "defines": ["LOGGING_LEVEL=LL_WARNING", "NAPI_VERSION=8"],
      "conditions": [
        ["OS=='mac'", {
          "xcode_settings": {
            "GCC_ENABLE_CPP_EXCEPTIONS": "YES",
            "CLANG_CXX_LANGUAGE_STANDARD": "c++14",
            "GCC_OPTIMIZATION_LEVEL": "2"
          }
        }],
        ["OS=='win'", {
          "msvs_settings": {
            "VCCLCompilerTool": { "ExceptionHandling": 1, "AdditionalOptions": ["/std:c++14", "/utf-8"] }
          }
        }],
        ["OS!='mac' and OS!='win'", {
          "cflags_cc": ["-O2", "-std=c++14", "-fexceptions"],
          "cflags_cc!": ["-fno-exceptions"]
        }]
      ]
    }
  ]
}
