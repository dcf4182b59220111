// A comment may say array<index: 1> and a string may hold it.
func.func @f() attributes {k = array<i64: 1>, s = "array<index: 1>"} {
  return
}
