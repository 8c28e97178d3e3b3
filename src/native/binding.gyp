{
  "targets": [
    {
      "target_name": "jieba_spans",
      "sources": ["jieba_spans.cc"],
      "include_dirs": [
        "<!(node -p \"require('path').dirname(require.resolve('nodejieba/package.json'))\")/submodules/cppjieba/include",
        "<!(node -p \"require('path').dirname(require.resolve('nodejieba/package.json'))\")/submodules/cppjieba/deps/limonp/include"
      ],
      "cflags_cc": ["-O2", "-std=c++14", "-fexceptions"],
      "cflags_cc!": ["-fno-exceptions"],
      "defines": ["LOGGING_LEVEL=LL_WARNING", "NAPI_VERSION=8"]
    }
  ]
}
