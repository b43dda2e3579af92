/** Offers `data` as a file download named `name` (no server involved). */
export function saveFile(name: string, data: BlobPart, type: string): void {
  const url = URL.createObjectURL(new Blob([data], { type }));
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}

/** Offers `text` as a file download named `name`. */
export function saveText(name: string, text: string, type = 'application/geo+json'): void {
  saveFile(name, text, type);
}
