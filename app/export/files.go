package export

import (
	"errors"
	"io/fs"
	"os"
	"path/filepath"
	"strconv"

	"kamdesk/dossier"
)

// Files the user names are treated with care. A file is written to a
// temporary file beside it and then put in place, so that a reader never
// sees half a file and a failure leaves the old file as it was; but only
// a regular file is ever replaced: a device (-o /dev/null as root used to
// replace /dev/null by a regular file), a pipe, a socket or a folder where
// a file should go is refused, and a file that exists is replaced only
// when the caller says so.

// ErrExists reports a file that is there already and may not be replaced
// without the user's word.
var ErrExists = errors.New("the file exists")

// ErrNotRegular reports a folder, device, pipe or socket where a file
// should be written.
var ErrNotRegular = errors.New("not a regular file")

// ExistsError names the files that exist where an export would write.
// It matches ErrExists.
type ExistsError struct {
	Paths []string
}

func (e *ExistsError) Error() string {
	switch len(e.Paths) {
	case 0:
		return ErrExists.Error()
	case 1:
		return e.Paths[0] + ": " + ErrExists.Error()
	}
	return e.Paths[0] + " and " + strconv.Itoa(len(e.Paths)-1) + " other files exist"
}

func (e *ExistsError) Unwrap() error { return ErrExists }

// WriteFile writes data to path as WriteNew does with replace set: a
// missing file is created, a regular file (or the one a symbolic link
// points to) replaced; anything else is refused.
func WriteFile(path string, data []byte, perm os.FileMode) error {
	return WriteNew(path, data, perm, true)
}

// WriteNew writes data to path through a temporary file in the same
// folder, but only over what may be replaced: a path that does not
// exist, or, with replace, a regular file. A folder, a device, a pipe or
// a socket is refused (the error matches ErrNotRegular), and so is a
// symbolic link unless replace is set (then the file it points to is
// written, the link stays). Without replace an existing file gives an
// *ExistsError, which matches ErrExists. A file that appears or changes
// kind while data is being written is not replaced.
func WriteNew(path string, data []byte, perm os.FileMode, replace bool) error {
	info, err := os.Lstat(path)
	switch {
	case errors.Is(err, fs.ErrNotExist):
		return create(path, data, perm)
	case err != nil:
		return err
	case info.Mode()&fs.ModeSymlink != 0:
		if !replace {
			return &ExistsError{Paths: []string{path}}
		}
		target, err := filepath.EvalSymlinks(path)
		if err != nil {
			return dossier.Err("{{.Path}} is a symbolic link to a file that cannot be reached", map[string]any{"Path": path}, err)
		}
		if info, err := os.Lstat(target); err != nil || !info.Mode().IsRegular() {
			return notRegular(path, info)
		}
		return WriteNew(target, data, perm, replace)
	case !info.Mode().IsRegular():
		return notRegular(path, info)
	case !replace:
		return &ExistsError{Paths: []string{path}}
	}
	return replaceFile(path, info, data, perm)
}

// checkTargets checks, before anything is written, that WriteNew may
// write each of paths: the first one that may not be replaced at all is
// the error, else the ones that exist when replace is not set.
func checkTargets(paths []string, replace bool) error {
	var exist []string
	for _, p := range paths {
		info, err := os.Lstat(p)
		switch {
		case errors.Is(err, fs.ErrNotExist):
			continue
		case err != nil:
			return err
		case info.Mode()&fs.ModeSymlink != 0:
			if !replace {
				exist = append(exist, p)
				continue
			}
			target, err := os.Stat(p)
			if err != nil {
				return dossier.Err("{{.Path}} is a symbolic link to a file that cannot be reached", map[string]any{"Path": p}, err)
			}
			if !target.Mode().IsRegular() {
				return notRegular(p, target)
			}
		case !info.Mode().IsRegular():
			return notRegular(p, info)
		case !replace:
			exist = append(exist, p)
		}
	}
	if len(exist) > 0 {
		return &ExistsError{Paths: exist}
	}
	return nil
}

func notRegular(path string, info fs.FileInfo) error {
	data := map[string]any{"Path": path}
	if info != nil {
		switch t := info.Mode().Type(); {
		case t&fs.ModeDir != 0:
			return dossier.Err("{{.Path}} is a folder, not a file kamdesk may write; choose another name", data, ErrNotRegular)
		case t&fs.ModeNamedPipe != 0:
			return dossier.Err("{{.Path}} is a named pipe, not a file kamdesk may write; choose another name", data, ErrNotRegular)
		case t&fs.ModeSocket != 0:
			return dossier.Err("{{.Path}} is a socket, not a file kamdesk may write; choose another name", data, ErrNotRegular)
		case t&fs.ModeDevice != 0:
			return dossier.Err("{{.Path}} is a device, not a file kamdesk may write; choose another name", data, ErrNotRegular)
		}
	}
	return dossier.Err("{{.Path}} is not a regular file, not a file kamdesk may write; choose another name", data, ErrNotRegular)
}

// writeTemp writes data to a new temporary file in dir and returns its
// name; the caller puts it in place or removes it.
func writeTemp(dir string, data []byte, perm os.FileMode) (name string, err error) {
	f, err := os.CreateTemp(dir, ".kamdesk-*.tmp")
	if err != nil {
		return "", err
	}
	defer func() {
		if err != nil {
			f.Close()
			os.Remove(f.Name())
		}
	}()
	if _, err = f.Write(data); err != nil {
		return "", err
	}
	if err = f.Sync(); err != nil {
		return "", err
	}
	if err = f.Chmod(perm); err != nil {
		return "", err
	}
	if err = f.Close(); err != nil {
		return "", err
	}
	return f.Name(), nil
}

// create makes path, which did not exist, without replacing anything that
// appears there meanwhile: a hard link fails when the name is taken, where
// a rename would replace what took it.
func create(path string, data []byte, perm os.FileMode) error {
	tmp, err := writeTemp(filepath.Dir(path), data, perm)
	if err != nil {
		return err
	}
	defer os.Remove(tmp)
	err = os.Link(tmp, path)
	if err == nil {
		return nil
	}
	if errors.Is(err, fs.ErrExist) {
		return &ExistsError{Paths: []string{path}}
	}
	// A file system without hard links: check again, then rename.
	if _, err := os.Lstat(path); !errors.Is(err, fs.ErrNotExist) {
		return &ExistsError{Paths: []string{path}}
	}
	return os.Rename(tmp, path)
}

// replaceFile puts data in place of the regular file path that was
// described by old, unless it changed meanwhile.
func replaceFile(path string, old fs.FileInfo, data []byte, perm os.FileMode) error {
	tmp, err := writeTemp(filepath.Dir(path), data, perm)
	if err != nil {
		return err
	}
	now, err := os.Lstat(path)
	if err != nil || !now.Mode().IsRegular() || !os.SameFile(old, now) {
		os.Remove(tmp)
		return dossier.Err("{{.Path}} changed while it was being written; nothing was replaced", map[string]any{"Path": path}, ErrExists)
	}
	if err := os.Rename(tmp, path); err != nil {
		os.Remove(tmp)
		return err
	}
	return nil
}
