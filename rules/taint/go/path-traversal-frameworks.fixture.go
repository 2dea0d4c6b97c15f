package api

import (
	"path/filepath"

	"github.com/gin-gonic/gin"
	"github.com/gofiber/fiber/v2"
	"github.com/labstack/echo/v4"
)

// The frameworks' own file responses and upload saves open the path they are given.
func ginDownload(c *gin.Context) {
	name := c.Query("file")
	// ruleid: go.path-traversal.file
	c.File("/srv/files/" + name)
}

func ginAttachment(c *gin.Context) {
	// ruleid: go.path-traversal.file
	c.FileAttachment("/srv/files/"+c.Param("name"), "report.pdf")
}

func ginUpload(c *gin.Context) {
	file, err := c.FormFile("file")
	if err != nil {
		return
	}
	// ruleid: go.path-traversal.file
	c.SaveUploadedFile(file, "/srv/uploads/"+c.PostForm("folder")+"/x.bin")
	// The multipart file name is already reduced to its last element by mime/multipart.
	// ok: go.path-traversal.file
	c.SaveUploadedFile(file, filepath.Join("/srv/uploads", filepath.Base(file.Filename)))
}

func echoDownload(c echo.Context) error {
	name := c.QueryParam("file")
	// ruleid: go.path-traversal.file
	return c.Attachment("/srv/files/"+name, "download")
}

func echoInline(c echo.Context) error {
	// ok: go.path-traversal.file
	return c.Inline("/srv/files/manual.pdf", c.QueryParam("as"))
}

func fiberDownload(c *fiber.Ctx) error {
	// ruleid: go.path-traversal.file
	return c.SendFile("./files/" + c.Query("name"))
}

func fiberDownloadAs(c *fiber.Ctx) error {
	// ok: go.path-traversal.file
	return c.Download("./files/report.pdf", c.Query("name"))
}
