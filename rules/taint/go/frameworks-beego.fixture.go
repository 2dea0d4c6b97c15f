// Beego (github.com/beego/beego/v2): a controller's methods read the request through the embedded Controller
// (GetString, GetStrings, Ctx.Input …).
package controllers

import (
	"os"
	"os/exec"

	beego "github.com/beego/beego/v2/server/web"
)

type ToolsController struct {
	beego.Controller
}

func (c *ToolsController) Ping() {
	// ruleid: go.cmdi.exec
	exec.Command("sh", "-c", "ping -c 1 "+c.GetString("host")).Run()
	c.Ctx.WriteString("ok")
}

func (c *ToolsController) File() {
	// ruleid: go.path-traversal.file
	data, _ := os.ReadFile("/srv/files/" + c.Ctx.Input.Param(":name"))
	c.Ctx.Output.Body(data)
}

func (c *ToolsController) Search() {
	// ruleid: go.cmdi.exec
	exec.Command("sh", "-c", "grep "+c.Ctx.Input.Query("q")+" /srv/index").Run()
	// ruleid: go.cmdi.exec
	exec.Command("sh", "-c", "import "+string(c.Ctx.Input.RequestBody)).Run()
}

// ---- not findings ----

func (c *ToolsController) Count() {
	n, _ := c.GetInt("n")
	// ok: go.cmdi.exec
	exec.Command("sh", "-c", "seq "+string(rune(n))).Run()
	// ok: go.cmdi.exec
	exec.Command("uptime").Run()
}
