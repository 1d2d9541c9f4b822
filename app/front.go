package app

import (
	"bufio"
	"errors"
	"net"
	"os"
	"path/filepath"
	"strings"
	"time"
)

// The desktop that has a workspace open listens on a socket in it, so that
// a second kamdesk started on the same workspace (from a desktop menu,
// where nobody reads what it prints) brings the open window to the front
// instead of only saying the workspace is in use.

// frontSocket is the socket's name in the workspace directory.
const frontSocket = "front.sock"

// frontPath is the socket of workspace dir, however dir is written.
func frontPath(dir string) string {
	if abs, err := filepath.Abs(dir); err == nil {
		dir = abs
	}
	return filepath.Join(dir, frontSocket)
}

// frontWait bounds how long a second kamdesk waits for the first to answer.
const frontWait = 2 * time.Second

// ListenFront listens for other kamdesks started on workspace dir; front
// is called, on a goroutine of the listener, each time one asks for the
// window. stop ends listening and removes the socket. Call it only with
// the workspace open (its lock makes this kamdesk the only one on it, so a
// socket found there is a crash's leftover and is replaced).
func ListenFront(dir string, front func()) (stop func(), err error) {
	path := frontPath(dir)
	os.Remove(path)
	l, err := net.Listen("unix", path)
	if err != nil {
		return nil, err
	}
	go func() {
		for {
			c, err := l.Accept()
			if err != nil {
				return // closed by stop
			}
			go answerFront(c, front)
		}
	}()
	return func() {
		l.Close()
		os.Remove(path)
	}, nil
}

func answerFront(c net.Conn, front func()) {
	defer c.Close()
	c.SetDeadline(time.Now().Add(frontWait))
	line, err := bufio.NewReader(c).ReadString('\n')
	if err != nil || strings.TrimSpace(line) != "front" {
		return
	}
	front()
	c.Write([]byte("ok\n"))
}

// AskFront asks the kamdesk that has workspace dir open to bring its
// window to the front; it fails when none answers (one that has not been
// asked this way, or one that hangs).
func AskFront(dir string) error {
	c, err := net.DialTimeout("unix", frontPath(dir), frontWait)
	if err != nil {
		return err
	}
	defer c.Close()
	c.SetDeadline(time.Now().Add(frontWait))
	if _, err := c.Write([]byte("front\n")); err != nil {
		return err
	}
	reply, err := bufio.NewReader(c).ReadString('\n')
	if err != nil {
		return err
	}
	if strings.TrimSpace(reply) != "ok" {
		return errors.New("the open kamdesk did not answer")
	}
	return nil
}
