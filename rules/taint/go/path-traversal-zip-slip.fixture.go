// Zip slip: an archive entry's name (archive/zip, archive/tar) is chosen by whoever made the archive; joined to
// the destination and written unchecked, "../../x" or a symlink entry's target escapes it.
package extract

import (
	"archive/tar"
	"archive/zip"
	"io"
	"os"
	"path"
	"path/filepath"
	"strings"
)

func unzip(src, dest string) error {
	r, err := zip.OpenReader(src)
	if err != nil {
		return err
	}
	defer r.Close()
	for _, f := range r.File {
		fpath := filepath.Join(dest, f.Name)
		if f.FileInfo().IsDir() {
			// ruleid: go.path-traversal.file
			os.MkdirAll(fpath, 0o755)
			continue
		}
		// ruleid: go.path-traversal.file
		out, err := os.OpenFile(fpath, os.O_WRONLY|os.O_CREATE|os.O_TRUNC, f.Mode())
		if err != nil {
			return err
		}
		rc, _ := f.Open()
		io.Copy(out, rc)
		out.Close()
	}
	return nil
}

// One entry handed to a helper: the name is told by the parameter's name in a file importing archive/zip.
func writeEntry(file *zip.File, dest string) error {
	target := dest + "/" + file.Name
	// ruleid: go.path-traversal.file
	out, err := os.Create(target)
	if err != nil {
		return err
	}
	defer out.Close()
	return nil
}

func untar(r io.Reader, dest string) error {
	tr := tar.NewReader(r)
	for {
		hdr, err := tr.Next()
		if err != nil {
			return err
		}
		target := filepath.Join(dest, hdr.Name)
		switch hdr.Typeflag {
		case tar.TypeSymlink:
			// ruleid: go.path-traversal.file
			os.Symlink(hdr.Linkname, target)
		case tar.TypeReg:
			// ruleid: go.path-traversal.file
			f, _ := os.Create(target)
			io.Copy(f, tr)
			f.Close()
		}
	}
}

// ---- not findings ----

func unzipChecked(src, dest string) error {
	r, err := zip.OpenReader(src)
	if err != nil {
		return err
	}
	defer r.Close()
	for _, f := range r.File {
		fpath := filepath.Join(dest, f.Name)
		if !strings.HasPrefix(fpath, filepath.Clean(dest)+string(os.PathSeparator)) {
			return os.ErrPermission
		}
		// ok: go.path-traversal.file
		out, err := os.Create(fpath)
		if err != nil {
			return err
		}
		out.Close()
	}
	return nil
}

func unzipLocal(src, dest string) error {
	r, err := zip.OpenReader(src)
	if err != nil {
		return err
	}
	defer r.Close()
	for _, f := range r.File {
		if !filepath.IsLocal(f.Name) {
			continue
		}
		// ok: go.path-traversal.file
		os.MkdirAll(filepath.Join(dest, f.Name), 0o755)
	}
	return nil
}

func untarFlat(r io.Reader, dest string) error {
	tr := tar.NewReader(r)
	for {
		hdr, err := tr.Next()
		if err != nil {
			return err
		}
		// ok: go.path-traversal.file
		f, _ := os.Create(filepath.Join(dest, filepath.Base(hdr.Name)))
		// The entry's size and mode are not paths.
		// ok: go.path-traversal.file
		os.Chmod(f.Name(), os.FileMode(hdr.Mode))
		f.Close()
	}
}

// A name without ".." joined under dest stays there (Join keeps an absolute name under it too).
func unzipNoDots(r *zip.Reader, dest string) {
	for _, f := range r.File {
		if strings.Contains(f.Name, "..") {
			continue
		}
		// ok: go.path-traversal.file
		os.MkdirAll(filepath.Join(dest, f.Name), 0o755)
		// ok: go.path-traversal.file
		os.Create(path.Join(dest, f.Name))
		// The name alone may still be absolute ("/etc/cron.d/x" has no "..").
		// ruleid: go.path-traversal.file
		os.Create(f.Name)
		// A Join of more parts is not the checked form.
		// ruleid: go.path-traversal.file
		os.Create(filepath.Join(dest, "..", f.Name))
	}
}

func unzipNoDotsOr(r *zip.Reader, dest string) {
	for _, f := range r.File {
		if strings.Contains(f.Name, "..") || f.FileInfo().IsDir() {
			continue
		}
		// ok: go.path-traversal.file
		os.Create(filepath.Join(dest, f.Name))
	}
}

// The check on one entry's name does not cover another's.
func unzipWrongName(r *zip.Reader, dest string) {
	for _, f := range r.File {
		link := f.Comment
		if strings.Contains(link, "..") {
			continue
		}
		// ruleid: go.path-traversal.file
		os.Create(filepath.Join(dest, f.Name))
	}
}

// Checked only in one branch: the other still joins the raw name.
func unzipOneBranch(r *zip.Reader, dest string, strict bool) {
	for _, f := range r.File {
		if strict && strings.Contains(f.Name, "..") {
			continue
		}
		// ruleid: go.path-traversal.file
		os.Create(filepath.Join(dest, f.Name))
	}
}

// The archive's own path and a file's own name are not entry names.
func archiveItself(dest string) error {
	f, err := os.CreateTemp(dest, "archive-*.zip")
	if err != nil {
		return err
	}
	w := zip.NewWriter(f)
	w.Close()
	// ok: go.path-traversal.file
	return os.Remove(f.Name())
}
