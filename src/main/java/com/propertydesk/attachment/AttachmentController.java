package com.propertydesk.attachment;

import com.propertydesk.config.InvalidFieldException;
import com.propertydesk.ticket.api.AttachmentView;
import com.propertydesk.ticket.api.Callers;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.springframework.core.io.InputStreamResource;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

@RestController
@RequestMapping("/api/v1/tickets/{ticketNo}/attachments")
@Tag(name = "Evidence", description = "Photos, videos and documents attached to a ticket (投诉证据)")
@SecurityRequirement(name = "basicAuth")
public class AttachmentController {

    private final AttachmentService attachments;

    public AttachmentController(AttachmentService attachments) {
        this.attachments = attachments;
    }

    @Operation(operationId = "uploadAttachment", summary = "Attach a photo, video or document",
            description = "Multipart form with one part `file`. JPEG, PNG, HEIC, MP4 and PDF are accepted, recognised "
                    + "by their content, not their name; the size limit is propertydesk.attachments.max-size "
                    + "(20 MB by default). The checksum (SHA-256) is stored and returned. Staff who may read the "
                    + "ticket and the integrator that filed it may attach.")
    @ApiResponse(responseCode = "201", description = "Stored; Location is the download address")
    @ApiResponse(responseCode = "400", description = "No `file` part, a file name of more than 255 characters "
            + "(errors[] names file.filename), or the upload broke off")
    @ApiResponse(responseCode = "404", description = "No such ticket the caller may see")
    @ApiResponse(responseCode = "413", description = "Larger than the size limit")
    @ApiResponse(responseCode = "415", description = "Not a photo, video or PDF")
    @PostMapping(consumes = MediaType.MULTIPART_FORM_DATA_VALUE, produces = MediaType.APPLICATION_JSON_VALUE)
    public ResponseEntity<AttachmentView> upload(@PathVariable String ticketNo, @RequestPart("file") MultipartFile file,
            Authentication caller) {
        if (file.isEmpty()) {
            throw new InvalidFieldException("file", "must not be empty");
        }
        String name = file.getOriginalFilename();
        if (name != null && name.length() > AttachmentService.MAX_NAME) {
            throw new InvalidFieldException("file.filename",
                    "must be at most " + AttachmentService.MAX_NAME + " characters (an emoji counts as two)");
        }
        AttachmentView stored;
        try {
            stored = attachments.attach(ticketNo, Callers.of(caller),
                    new AttachmentService.Upload(file.getOriginalFilename(), file.getSize(), file.getInputStream()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return ResponseEntity.created(URI.create(stored.url())).body(stored);
    }

    @Operation(operationId = "listAttachments", summary = "The ticket's attachments, oldest first")
    @ApiResponse(responseCode = "200", description = "Attachments with their download addresses")
    @ApiResponse(responseCode = "404", description = "No such ticket the caller may see")
    @GetMapping(produces = MediaType.APPLICATION_JSON_VALUE)
    public List<AttachmentView> list(@PathVariable String ticketNo, Authentication caller) {
        return attachments.list(ticketNo, Callers.of(caller));
    }

    @Operation(operationId = "downloadAttachment", summary = "Download an attachment",
            description = "The file as it was uploaded, with the content type found when it was accepted. Also "
                    + "opens from Tasklist forms for a user logged into Tasklist.")
    @ApiResponse(responseCode = "200", description = "The file")
    @ApiResponse(responseCode = "404", description = "No such ticket or attachment the caller may see")
    @GetMapping("/{attachmentId}")
    public ResponseEntity<InputStreamResource> download(@PathVariable String ticketNo,
            @PathVariable long attachmentId, Authentication caller) {
        AttachmentService.Download download = attachments.open(ticketNo, attachmentId, Callers.of(caller));
        AttachmentView file = download.attachment();
        return ResponseEntity.ok()
                .contentType(MediaType.parseMediaType(file.contentType()))
                .contentLength(file.size())
                .eTag("\"" + file.sha256() + "\"")
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.inline()
                        .filename(file.fileName(), StandardCharsets.UTF_8).build().toString())
                .body(new InputStreamResource(download.content()));
    }
}
