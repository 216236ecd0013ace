/** The options of a closed list for a select, each shown by its name. */
export function Options<T extends string>({ values, name }: { values: readonly T[]; name: (value: T) => string }) {
  return values.map((value) => (
    <option key={value} value={value}>
      {name(value)}
    </option>
  ));
}
