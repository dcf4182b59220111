# `cmake --install build --prefix P`: the libraries, public and generated
# headers, tools, plugin and runtime library, and the CMake package
#   find_package(PoolMLIR CONFIG)  ->  PoolMLIR::PoolMLIR
# (P/lib/cmake/PoolMLIR). Every library links Debian's shared libMLIR.so, so a
# consumer has one copy of MLIR and its registries.

include(CMakePackageConfigHelpers)

set(POOL_EXPORTED_LIBRARIES
  MLIRPoolUtils
  MLIRPoolDialect
  MLIRPoolTransforms
  MLIRPoolTransformOps
  MLIRPoolLoweredTransforms
  MLIRPoolToAffine
  MLIRPoolToLinalg
  MLIRPoolToVector
  MLIRPoolToGPU
  MLIRPoolToTosa
  MLIRTosaToPool
  MLIRPoolPipelines
  MLIRPoolRegistration
  )

# The umbrella target: the dialect, its passes, conversions, pipelines and
# pool/InitAll.h, with the include directories of the build or the install.
add_library(PoolMLIR INTERFACE)
target_link_libraries(PoolMLIR INTERFACE ${POOL_EXPORTED_LIBRARIES})
target_include_directories(PoolMLIR INTERFACE
  $<BUILD_INTERFACE:${POOL_SOURCE_DIR}/include>
  $<BUILD_INTERFACE:${POOL_BINARY_DIR}/include>
  $<INSTALL_INTERFACE:include>)

install(TARGETS ${POOL_EXPORTED_LIBRARIES} PoolMLIR
  EXPORT PoolMLIRTargets
  ARCHIVE DESTINATION lib
  LIBRARY DESTINATION lib)
install(EXPORT PoolMLIRTargets
  NAMESPACE PoolMLIR::
  DESTINATION lib/cmake/PoolMLIR)

# pool/Reference is the tests' independent oracle, not part of the package.
install(DIRECTORY ${POOL_SOURCE_DIR}/include/pool
  DESTINATION include
  FILES_MATCHING PATTERN "*.h" PATTERN "*.td"
  PATTERN "Reference" EXCLUDE)
install(DIRECTORY ${POOL_BINARY_DIR}/include/pool
  DESTINATION include
  FILES_MATCHING PATTERN "*.inc"
  PATTERN "CMakeFiles" EXCLUDE)
# The C API: include/pool-c and libPoolMLIRCAPI.so (MLIR's C API inside).
install(DIRECTORY ${POOL_SOURCE_DIR}/include/pool-c
  DESTINATION include
  FILES_MATCHING PATTERN "*.h")

# Installed tools and the plugin find libMLIR.so / libLLVM.so where Debian
# keeps them (not on the default search path), and our libraries beside them.
set(POOL_INSTALLED_TOOLS pool-opt pool-run pool-reduce pool-lsp-server)
if(TARGET pool-translate)
  list(APPEND POOL_INSTALLED_TOOLS pool-translate)
endif()
set_target_properties(${POOL_INSTALLED_TOOLS} PoolPlugin PROPERTIES
  INSTALL_RPATH "\$ORIGIN/../lib;${LLVM_LIBRARY_DIR}")
set_target_properties(PoolMLIRCAPI PROPERTIES
  INSTALL_RPATH "\$ORIGIN;${LLVM_LIBRARY_DIR}")
install(TARGETS ${POOL_INSTALLED_TOOLS} RUNTIME DESTINATION bin)
install(TARGETS PoolPlugin PoolMLIRCAPI LIBRARY DESTINATION lib)
if(TARGET pool_cuda_runtime)
  install(TARGETS pool_cuda_runtime LIBRARY DESTINATION lib)
endif()

configure_package_config_file(
  ${POOL_SOURCE_DIR}/cmake/PoolMLIRConfig.cmake.in
  ${POOL_BINARY_DIR}/lib/cmake/PoolMLIR/PoolMLIRConfig.cmake
  INSTALL_DESTINATION lib/cmake/PoolMLIR)
write_basic_package_version_file(
  ${POOL_BINARY_DIR}/lib/cmake/PoolMLIR/PoolMLIRConfigVersion.cmake
  VERSION ${PROJECT_VERSION}
  COMPATIBILITY SameMinorVersion)
install(FILES
  ${POOL_BINARY_DIR}/lib/cmake/PoolMLIR/PoolMLIRConfig.cmake
  ${POOL_BINARY_DIR}/lib/cmake/PoolMLIR/PoolMLIRConfigVersion.cmake
  DESTINATION lib/cmake/PoolMLIR)
